using Shouldly;
using Trading.Services.Configuration;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("short", "****")]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz", "****")]
    public void MaskSecret_ShowsNoCharacterOfTheSecret(string? secret, string expected) =>
        SecretMasker.MaskSecret(secret).ShouldBe(expected);

    [Theory]
    [InlineData("postgresql://trader:hunter2@db:5432/trading", "postgresql://trader:****@db:5432/trading")]
    [InlineData("postgres://trader:p@ss:w/rd@db/trading", "postgres://trader:****@db/trading")]
    [InlineData("redis://:hunter2@127.0.0.1:6379", "redis://:****@127.0.0.1:6379")]
    [InlineData("redis://hunter2@127.0.0.1:6379", "redis://****@127.0.0.1:6379")]
    [InlineData("Host=db;Password=hunter2;Database=t", "Host=db;Password=****;Database=t")]
    [InlineData("Host=db;pwd = 'hunter2;x'", "Host=db;pwd=****")]
    [InlineData("postgresql://db/trading", "postgresql://db/trading")]
    public void MaskConnection_RemovesThePassword(string text, string expected) =>
        SecretMasker.MaskConnection(text).ShouldBe(expected);

    [Theory]
    [InlineData("DATABASE_URL", "postgresql://trader:hunter2@db:99999/trading")]
    [InlineData("DATABASE_URL", "mysql://trader:hunter2@db/trading")]
    [InlineData("DATABASE_URL", "Password=hunter2;Database=x")]
    [InlineData("DATABASE_URL", "Password=hunter2")]
    [InlineData("REDIS_URL", "http://:hunter2@cache:6379")]
    [InlineData("BINANCE_API_KEY", "hunter2hunter2hunter2hunter2")]
    public void Load_ProblemsAboutSecretValues_NeverContainTheSecret(string key, string value)
    {
        var loaded = LoadEnv((key, value), ("TRADING_MODE", "live"));

        loaded.Problems.ShouldNotBeEmpty();
        foreach (var message in loaded.Messages()) message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Display_EverySecretSetting_IsMasked()
    {
        var settings = new TradingSettings
        {
            BinanceApiKey = "hunter2hunter2hunter2",
            BinanceApiSecret = "hunter2-secret-hunter2",
            DatabaseUrl = "postgresql://u:hunter2@h/db",
            RedisUrl = "redis://:hunter2@h:6379",
            BinanceBaseUrl = "https://user:hunter2@api.example",
            BinanceWsUrl = "wss://user:hunter2@stream.example",
            BinanceWsApiUrl = "wss://user:hunter2@ws-api.example",
        };

        foreach (var definition in SettingDefinitions.All) definition.Display(settings).ShouldNotContain("hunter2");
    }
}
