using Shouldly;
using Trading.Services.Configuration;
using Trading.TestInfrastructure;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

public sealed class ConfigurationLoaderTests
{
    [Fact]
    public void Load_NoSources_GivesSafeDefaultsFromDefaultSource()
    {
        using var dir = new TempDirectory();
        var loaded = Load(dir);

        loaded.IsValid.ShouldBeTrue(string.Join("; ", loaded.Messages()));
        loaded.Settings.ShouldBe(new TradingSettings());
        loaded.Settings.DryRun.ShouldBeTrue();
        loaded.Settings.TradingMode.ShouldBe(TradingMode.Paper);
        loaded.SourceOf(SettingKeys.TradingMode).ShouldBe(SettingSource.Default);
    }

    [Theory]
    [InlineData(SettingSource.AppSettings)]
    [InlineData(SettingSource.Yaml)]
    [InlineData(SettingSource.DotEnv)]
    [InlineData(SettingSource.Environment)]
    [InlineData(SettingSource.Cli)]
    public void Load_EverySourceUpToOne_TheHighestPresentSourceWins(SettingSource highest)
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?>();
        var cli = new Dictionary<string, string?>();
        foreach (var source in Enum.GetValues<SettingSource>().Where(s => s is not SettingSource.Default and not SettingSource.BotFiles && s <= highest))
        {
            var value = $"./from-{source.Display().TrimStart('.')}";
            switch (source)
            {
                case SettingSource.AppSettings: dir.Write("appsettings.json", "{\"Trading\": {\"DataDir\": \"" + value + "\"}}"); break;
                case SettingSource.Yaml: dir.Write("config/settings.yaml", $"trading:\n  data_dir: {value}\n"); break;
                case SettingSource.DotEnv: dir.Write(".env", $"TRADING_DATA_DIR={value}\n"); break;
                case SettingSource.Environment: env[SettingKeys.DataDir] = value; break;
                case SettingSource.Cli: cli[SettingKeys.DataDir] = value; break;
            }
        }

        var loaded = Load(dir, env, cli);

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.DataDir.ShouldBe($"./from-{highest.Display().TrimStart('.')}");
        loaded.SourceOf(SettingKeys.DataDir).ShouldBe(highest);
    }

    [Fact]
    public void Load_AppSettingsInSeveralSpellings_AllMapToSettings()
    {
        using var dir = new TempDirectory();
        dir.Write("appsettings.json", """
            { "TRADING_MODE": "testnet", "Risk": { "MaxPositionSize": 0.25 }, "Logging": { "LogLevel": { "Default": "Debug" } },
              "Kestrel": { "Endpoints": {} } }
            """);

        var loaded = Load(dir);

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.TradingMode.ShouldBe(TradingMode.Testnet);
        loaded.Settings.RiskMaxPositionSize.ShouldBe(0.25m);
        loaded.Settings.LogLevel.ShouldBe("Debug");
        loaded.SourceOf(SettingKeys.LogLevel).ShouldBe(SettingSource.AppSettings);
    }

    [Fact]
    public void Load_EnvironmentNameInWrongCase_IsIgnored()
    {
        var loaded = LoadEnv(("trading_mode", "live"));

        loaded.Settings.TradingMode.ShouldBe(TradingMode.Paper);
        loaded.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Load_RiskLimitsYaml_SetsRiskSettingsBelowDotEnv()
    {
        using var dir = new TempDirectory();
        dir.Write("config/risk_limits.yaml", "max_position_size: 0.2\nstop_loss_pct: 3.5\ndaily_loss_limit_pct: 4\n");
        dir.Write(".env", "RISK_DAILY_LOSS_LIMIT_PCT=6\n");

        var loaded = Load(dir);

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.RiskMaxPositionSize.ShouldBe(0.2m);
        loaded.Settings.RiskStopLossPct.ShouldBe(3.5m);
        loaded.Settings.RiskDailyLossLimitPct.ShouldBe(6m);
        loaded.SourceOf(SettingKeys.RiskStopLossPct).ShouldBe(SettingSource.Yaml);
        loaded.SourceOf(SettingKeys.RiskDailyLossLimitPct).ShouldBe(SettingSource.DotEnv);
    }

    [Fact]
    public void Load_SettingsYamlWithUnknownKey_ReportsFileLineAndKey()
    {
        using var dir = new TempDirectory();
        dir.Write("config/settings.yaml", "trading:\n  mode: paper\n  moed: live\nlog_level: [Debug]\n");

        var loaded = Load(dir);

        loaded.Messages().ShouldBe([
            "config/settings.yaml line 3: 'trading.moed' is not a known setting",
            "config/settings.yaml line 4: 'log_level' must be a single value, not a list or mapping",
        ]);
    }

    [Fact]
    public void Load_BrokenYaml_ReportsFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("config/symbols.yaml", "symbols:\n  - symbol: BTCUSDT\n   timeframes: [1m\n");

        var loaded = Load(dir);

        loaded.Problems.Count.ShouldBe(1);
        loaded.Problems[0].Message.ShouldStartWith("config/symbols.yaml line ");
    }

    [Fact]
    public void Load_ConfigDirFromEnvironmentPointingAtExamples_ReadsEveryExampleWithoutProblems()
    {
        using var dir = new TempDirectory();
        var examples = Path.Combine(RepoPaths.Root, "config", "examples");

        var loaded = Load(dir, new() { [SettingKeys.ConfigDir] = examples });

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.BinanceBaseUrl.ShouldBe("https://api.binance.com");
        loaded.Settings.Symbols.Select(s => s.Symbol).ShouldBe(["BTCUSDT", "ETHUSDT"]);
        loaded.Settings.Symbols[0].Timeframes.ShouldBe(["1m", "1h"]);
        loaded.Settings.Strategies[0].Parameters["slow"].ShouldBe("30");
        loaded.Settings.Strategies[1].Enabled.ShouldBeFalse();
        var bot = loaded.Settings.Bots.ShouldHaveSingleItem();
        bot.Id.ShouldBe("btc-sma");
        bot.Parameters["fast"].ShouldBe("10");
        bot.SizingValue.ShouldBe(0.001m);
        loaded.SourceOf(ConfigFileKeys.Bots).ShouldBe(SettingSource.BotFiles);
        loaded.SourceOf(SettingKeys.BinanceBaseUrl).ShouldBe(SettingSource.Yaml);
    }

    [Fact]
    public void Load_BotFileProblems_NameTheFile()
    {
        using var dir = new TempDirectory();
        dir.Write("config/bots/a.json", """{ "strategy": "x", "symbols": ["BTCUSDT"], "sizng": "fixed" }""");
        dir.Write("config/bots/b.json", """{ "strategy": "x", "symbols": ["BTCUSDT"], "timeframe": "7m" }""");
        dir.Write("config/bots/c.json", "{ \"strategy\": ");
        dir.Write("config/bots/d.json", """{ "strategy": "x", "symbols": ["BTCUSDT"] }""");

        var loaded = Load(dir);

        loaded.Messages().ShouldBe([
            "config/bots/a.json line 1: unknown key 'sizng'",
            "config/bots/b.json: '7m' is not a known timeframe",
            "config/bots/c.json line 1: invalid JSON or a wrong value type at $.strategy",
        ], ignoreOrder: false);
        loaded.Settings.Bots.ShouldHaveSingleItem().Id.ShouldBe("d");
    }

    [Fact]
    public void Load_StrategiesWithBadTimeframeAndSymbol_ReportsEach()
    {
        using var dir = new TempDirectory();
        dir.Write("config/strategies.yaml", "strategies:\n  - name: a\n    timeframe: 2m\n  - name: b\n    symbols: [btc-usdt!]\n  - name: c\n");

        var loaded = Load(dir);

        loaded.Problems.Count.ShouldBe(2);
        loaded.Problems[0].Message.ShouldContain("'2m' is not a known timeframe");
        loaded.Problems[1].Message.ShouldContain("'btc-usdt!' is not a valid symbol");
        loaded.Settings.Strategies.ShouldHaveSingleItem().Name.ShouldBe("c");
    }

    [Fact]
    public void Load_BrokenDotEnvLine_ReportsLineAndStillAppliesTheOtherLines()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "# comment\nTRADING_MODE=testnet\nthis is not valid\nLOG_LEVEL=debug\n");

        var loaded = Load(dir);

        loaded.Messages().ShouldBe([".env line 3: expected KEY=VALUE but found no '='"]);
        loaded.Settings.TradingMode.ShouldBe(TradingMode.Testnet);
        loaded.Settings.LogLevel.ShouldBe("Debug");
    }

    [Fact]
    public void Load_RepositoryEnvExampleAsDotEnv_IsValidAndListsEverySetting()
    {
        using var dir = new TempDirectory();
        var example = File.ReadAllText(Path.Combine(RepoPaths.Root, ".env.example"));
        dir.Write(".env", example);

        var loaded = Load(dir);

        loaded.Problems.ShouldBeEmpty();
        loaded.Settings.ShouldBe(new TradingSettings());
        foreach (var definition in SettingDefinitions.All) example.ShouldContain($"\n{definition.Name}=");
    }

    [Fact]
    public void Load_TestnetMode_DefaultsBinanceUrlsToTestnetButExplicitUrlsWin()
    {
        var testnet = LoadEnv(("TRADING_MODE", "testnet"));
        var explicitUrl = LoadEnv(("TRADING_MODE", "testnet"), ("BINANCE_BASE_URL", "http://127.0.0.1:9000"));

        testnet.Settings.BinanceBaseUrl.ShouldBe(BinanceTestnetEndpoints.BaseUrl);
        testnet.Settings.BinanceWsUrl.ShouldBe(BinanceTestnetEndpoints.WsUrl);
        testnet.Settings.BinanceWsApiUrl.ShouldBe(BinanceTestnetEndpoints.WsApiUrl);
        testnet.SourceOf(SettingKeys.BinanceBaseUrl).ShouldBe(SettingSource.Default);
        explicitUrl.Settings.BinanceBaseUrl.ShouldBe("http://127.0.0.1:9000");
        explicitUrl.Settings.BinanceWsUrl.ShouldBe(BinanceTestnetEndpoints.WsUrl);
        LoadEnv(("TRADING_MODE", "live")).Settings.BinanceBaseUrl.ShouldBe(new TradingSettings().BinanceBaseUrl);
    }
}
