using Shouldly;
using Trading.Core.Storage;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Configuration;
using Trading.Services.Strategies;

namespace Trading.Services.Tests.Strategies;

public sealed class ConfiguredBotsTests
{
    private static readonly TradingSettings Settings = new()
    {
        Symbols = [new SymbolConfig("BTCUSDT", ["1m"]), new SymbolConfig("ETHUSDT", ["1m"]), new SymbolConfig("XRPUSDT", ["1m"], Enabled: false)],
        Strategies =
        [
            new StrategyConfig { Name = "rsi", Symbols = ["BTCUSDT", "XRPUSDT"], Timeframe = "1m" },
            new StrategyConfig { Name = "rsi", Symbols = ["BTCUSDT", "XRPUSDT"], Timeframe = "1m", Parameters = new Dictionary<string, string> { ["period"] = "3" } },
            new StrategyConfig { Name = "sma_crossover", Timeframe = "1h" },
            new StrategyConfig { Name = "grid", Enabled = false, Symbols = ["BTCUSDT"] },
        ],
        Bots =
        [
            new BotDefinition { Id = "on", Strategy = "rsi", Symbols = ["ETHUSDT"], Timeframe = "5m" },
            new BotDefinition { Id = "off", Strategy = "rsi", Symbols = ["ETHUSDT"], Enabled = false },
            new BotDefinition { Id = "only-disabled-symbol", Strategy = "rsi", Symbols = ["XRPUSDT"] },
        ],
    };

    [Fact]
    public void From_StrategiesYamlAndBots_EnabledOnesOnEnabledSymbolsWithUniqueIds()
    {
        var bots = ConfiguredBots.From(Settings);

        bots.Select(b => b.Id).ShouldBe(["rsi-btcusdt-1m", "rsi-btcusdt-1m#2", "sma_crossover-btcusdt-ethusdt-1h", "on"]);
        bots[1].Parameters["period"].ShouldBe("3");
        bots[2].Symbols.ShouldBe(["BTCUSDT", "ETHUSDT"]);
        bots.ShouldAllBe(b => !b.Symbols.Contains("XRPUSDT"));
    }

    [Fact]
    public void WithTheirSeries_BotsOnOtherTimeframes_AddsTheirSeriesToTheCollectedSymbols()
    {
        var settings = ConfiguredBots.WithTheirSeries(Settings, ConfiguredBots.From(Settings), BuiltInStrategies.CreateRegistry());

        settings.Symbols.Single(s => s.Symbol == "BTCUSDT").Timeframes.ShouldBe(["1m", "1h"]);
        settings.Symbols.Single(s => s.Symbol == "ETHUSDT").Timeframes.ShouldBe(["1m", "1h", "5m"]);
        settings.Symbols.Single(s => s.Symbol == "XRPUSDT").Enabled.ShouldBeFalse();
    }
}
