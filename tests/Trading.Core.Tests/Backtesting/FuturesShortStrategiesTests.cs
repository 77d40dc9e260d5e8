using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Core.Tests.Backtesting;

/// <summary>The trend followers that declare shorts (docs/strategies.md, "Shorts") in a futures backtest and, unchanged, on spot.</summary>
public class FuturesShortStrategiesTests
{
    /// <summary>Flat at 20,000, down to 19,000, up to 21,000, down again to 19,500: each moving average crosses twice.</summary>
    private static Candle[] DownUpDown()
    {
        var closes = new List<decimal>();
        for (var i = 0; i < 6; i++) closes.Add(20_000m);
        for (var i = 1; i <= 10; i++) closes.Add(20_000m - (100m * i));
        for (var i = 1; i <= 20; i++) closes.Add(19_000m + (100m * i));
        for (var i = 1; i <= 15; i++) closes.Add(21_000m - (100m * i));
        var candles = new Candle[closes.Count];
        var previous = closes[0];
        for (var i = 0; i < closes.Count; i++)
        {
            candles[i] = FuturesCandles.Bar(i, previous, Math.Max(previous, closes[i]) + 5m, Math.Min(previous, closes[i]) - 5m, closes[i]);
            previous = closes[i];
        }
        return candles;
    }

    private static StrategyBase Sma() => BuiltInStrategies.CreateRegistry().Create("sma_crossover",
        new Dictionary<string, string> { ["fast"] = "2", ["slow"] = "4", ["quantity"] = "0.1" });

    private static StrategyBase Supertrend() => BuiltInStrategies.CreateRegistry().Create("supertrend",
        new Dictionary<string, string> { ["atr_period"] = "3", ["multiplier"] = "1", ["quantity"] = "0.1" });

    public static TheoryData<string> ShortingStrategies => ["sma_crossover", "supertrend"];

    [Theory]
    // sma_crossover: the fall opens a short, the rise covers it and reverses into a long, the last fall closes it and reverses.
    [InlineData("sma_crossover", "Short,Long")]
    // supertrend starts pointing down, so the first fall is no flip: the rise opens a long, the last fall closes it and reverses.
    [InlineData("supertrend", "Long")]
    public void Run_Usdm_ShortsTheFallsAndReversesOnACross(string name, string closedSides)
    {
        var strategy = name == "sma_crossover" ? Sma() : Supertrend();
        strategy.SupportsShorts.ShouldBeTrue();

        var result = EngineRunner.Run(strategy, DownUpDown(), FuturesCandles.Settings(1, 0m));

        string.Join(',', result.Futures.ShouldNotBeNull().Trades.Select(t => t.Side)).ShouldBe(closedSides);
        result.FinalPosition.ShouldBe(-0.1m); // short in the last fall
    }

    [Theory]
    [MemberData(nameof(ShortingStrategies))]
    public void Run_Spot_NeverSellsWhatItDoesNotHold(string name)
    {
        var strategy = name == "sma_crossover" ? Sma() : Supertrend();

        var result = EngineRunner.Run(strategy, DownUpDown(), FuturesCandles.Settings(1, 0m) with { Futures = null });

        result.Fills.Select(f => f.Side).ShouldBe([OrderSide.Buy, OrderSide.Sell]);
        result.FinalPosition.ShouldBe(0m);
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("mean_reversion")]
    [InlineData("squeeze")]
    [InlineData("regime_switch")]
    public void SupportsShorts_LongOnlyStrategies_False(string name) =>
        BuiltInStrategies.CreateRegistry().Create(name, new Dictionary<string, string>()).SupportsShorts.ShouldBeFalse();
}
