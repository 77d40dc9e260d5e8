using Shouldly;
using Trading.Services.Configuration;
using Trading.TestInfrastructure;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

public sealed class SecretSourcesTests
{
    [Fact]
    public void Load_SecretsInSettingsYaml_RefusedAndNotUsed()
    {
        using var dir = new TempDirectory();
        dir.Write("config/settings.yaml", "binance:\n  api_key: hunter2key\n  api_secret: hunter2secret\n");

        var loaded = Load(dir);

        loaded.Settings.BinanceApiKey.ShouldBeNull();
        loaded.Settings.BinanceApiSecret.ShouldBeNull();
        loaded.Messages().ShouldBe([
            "config/settings.yaml: BINANCE_API_KEY is a secret and is never read from a config file; put it in .env or the environment",
            "config/settings.yaml: BINANCE_API_SECRET is a secret and is never read from a config file; put it in .env or the environment",
        ]);
    }

    [Fact]
    public void Load_SecretInAppSettings_Refused()
    {
        using var dir = new TempDirectory();
        dir.Write("appsettings.json", """{ "BINANCE_API_SECRET": "hunter2secret" }""");

        var loaded = Load(dir);

        loaded.Messages().ShouldHaveSingleItem().ShouldContain("BINANCE_API_SECRET is a secret");
        loaded.Messages().ShouldAllBe(m => !m.Contains("hunter2"));
    }

    [Theory]
    [InlineData("BINANCE_API_SECRET", "hunter2\tsecret")]
    [InlineData("BINANCE_API_KEY", "hunter2\nkey")]
    public void Load_SecretWithControlCharacter_Refused(string key, string value)
    {
        var other = key == "BINANCE_API_KEY" ? "BINANCE_API_SECRET" : "BINANCE_API_KEY";

        var loaded = LoadEnv((key, value), (other, "fine"));

        loaded.Messages().ShouldHaveSingleItem().ShouldBe($"{key} contains a control character (a tab or a line break?); set it again without one");
    }

    [Fact]
    public void Load_SecretsFromEnvironment_Accepted()
    {
        var loaded = LoadEnv(("BINANCE_API_KEY", "key"), ("BINANCE_API_SECRET", "secret"));

        loaded.IsValid.ShouldBeTrue();
        loaded.Settings.BinanceApiSecret.ShouldBe("secret");
    }
}
