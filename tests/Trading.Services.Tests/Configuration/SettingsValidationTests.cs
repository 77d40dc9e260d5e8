using Shouldly;
using Trading.Services.Configuration;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

public sealed class SettingsValidationTests
{
    private const string Key = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private const string Secret = "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210";

    [Fact]
    public void Load_LiveWithKeysAndConfirmation_IsValid()
    {
        var loaded = LoadEnv(("TRADING_MODE", "live"), ("BINANCE_API_KEY", Key), ("BINANCE_API_SECRET", Secret),
            ("TRADING_CONFIRM_LIVE", "true"), ("DRY_RUN", "false"));

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.TradingMode.ShouldBe(TradingMode.Live);
        loaded.Settings.DryRun.ShouldBeFalse();
    }

    [Fact]
    public void Load_LiveWithoutKeysOrConfirmation_ReportsBothProblems()
    {
        var loaded = LoadEnv(("TRADING_MODE", "LIVE"));

        loaded.Messages().ShouldBe([
            "TRADING_MODE=live needs BINANCE_API_KEY and BINANCE_API_SECRET",
            "TRADING_MODE=live needs explicit confirmation: set TRADING_CONFIRM_LIVE=true",
        ]);
    }

    [Fact]
    public void Load_TestnetPlacingOrdersWithoutKeys_IsAProblem()
    {
        LoadEnv(("TRADING_MODE", "testnet"), ("DRY_RUN", "false")).Messages().ShouldHaveSingleItem().ShouldContain("testnet");
        LoadEnv(("TRADING_MODE", "testnet")).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Load_OnlyOneOfKeyAndSecret_IsAProblem() =>
        LoadEnv(("BINANCE_API_KEY", Key)).Messages().ShouldBe(["BINANCE_API_KEY and BINANCE_API_SECRET must be set together"]);

    [Theory]
    [InlineData("TRADING_MODE", "real", "TRADING_MODE must be paper, testnet or live (got 'real')")]
    [InlineData("TRADING_MODE", "2", "TRADING_MODE must be paper, testnet or live (got '2')")]
    [InlineData("DRY_RUN", "maybe", "DRY_RUN must be true or false (got 'maybe')")]
    [InlineData("TRADING_CONFIRM_LIVE", "sure", "TRADING_CONFIRM_LIVE must be true or false (got 'sure')")]
    [InlineData("LOG_LEVEL", "loud", "LOG_LEVEL must be one of Trace, Debug, Information, Warning, Error, Critical, None (got 'loud')")]
    [InlineData("RISK_STOP_LOSS_PCT", "two", "RISK_STOP_LOSS_PCT must be a number (got 'two')")]
    [InlineData("RISK_STOP_LOSS_PCT", "100.5", "RISK_STOP_LOSS_PCT is a percent and must be within 0..100 (got 100.5)")]
    [InlineData("RISK_DAILY_LOSS_LIMIT_PCT", "-1", "RISK_DAILY_LOSS_LIMIT_PCT is a percent and must be within 0..100 (got -1)")]
    [InlineData("RISK_DAILY_LOSS_LIMIT_PCT", "0", "RISK_DAILY_LOSS_LIMIT_PCT=0 would halt every entry: set a percent above 0 and at most 100")]
    [InlineData("RISK_MAX_POSITION_SIZE", "0", "RISK_MAX_POSITION_SIZE must be a fraction of equity above 0 and at most 1 (got 0)")]
    [InlineData("RISK_MAX_POSITION_SIZE", "1.5", "RISK_MAX_POSITION_SIZE must be a fraction of equity above 0 and at most 1 (got 1.5)")]
    [InlineData("BINANCE_BASE_URL", "ftp://api.binance.com", "BINANCE_BASE_URL must be a http:// or https:// URL (got 'ftp://api.binance.com')")]
    [InlineData("BINANCE_BASE_URL", "api.binance.com", "BINANCE_BASE_URL must be a http:// or https:// URL (got 'api.binance.com')")]
    [InlineData("BINANCE_WS_URL", "https://stream.binance.com", "BINANCE_WS_URL must be a ws:// or wss:// URL (got 'https://stream.binance.com')")]
    [InlineData("BINANCE_WS_API_URL", "wss//x", "BINANCE_WS_API_URL must be a ws:// or wss:// URL (got 'wss//x')")]
    [InlineData("REDIS_URL", "localhost:6379", "REDIS_URL must be a redis:// or rediss:// URL (got 'localhost:6379')")]
    [InlineData("DATABASE_URL", "mysql://u@h/db", "DATABASE_URL is malformed: unsupported scheme 'mysql', expected postgresql:// or postgres://.")]
    [InlineData("DATABASE_URL", "Username=u;Database=d", "DATABASE_URL is malformed: the connection string has no Host.")]
    [InlineData("DATABASE_URL", "just words", "DATABASE_URL is malformed: expected postgresql://user:pass@host:5432/db or an Npgsql connection string such as Host=...;Database=....")]
    public void Load_BadValue_GivesOneClearMessage(string key, string value, string expected) =>
        LoadEnv((key, value)).Messages().ShouldBe([expected]);

    [Theory]
    [InlineData("DATABASE_URL", "postgresql://trader:pw@localhost:5432/trading")]
    [InlineData("DATABASE_URL", "postgres://localhost/trading")]
    [InlineData("DATABASE_URL", "Host=localhost;Port=5432;Username=u;Password=p;Database=trading")]
    [InlineData("REDIS_URL", "redis://:pw@127.0.0.1:6379/0")]
    [InlineData("REDIS_URL", "rediss://cache.example:6380")]
    [InlineData("BINANCE_BASE_URL", "http://127.0.0.1:8080")]
    [InlineData("LOG_LEVEL", "warn")]
    [InlineData("DRY_RUN", "0")]
    [InlineData("RISK_MAX_POSITION_SIZE", "1")]
    [InlineData("RISK_STOP_LOSS_PCT", "0")]
    public void Load_GoodValue_IsValid(string key, string value) =>
        LoadEnv((key, value)).Problems.ShouldBeEmpty();

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        var loaded = LoadEnv(("TRADING_MODE", "moon"), ("DRY_RUN", "perhaps"), ("RISK_STOP_LOSS_PCT", "120"), ("REDIS_URL", "nope"));

        loaded.Problems.Select(p => p.Key).ShouldBe(
            [SettingKeys.TradingMode, SettingKeys.DryRun, SettingKeys.RiskStopLossPct, SettingKeys.RedisUrl], ignoreOrder: true);
    }
}
