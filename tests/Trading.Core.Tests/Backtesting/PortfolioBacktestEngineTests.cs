using Shouldly;
using Trading.Core.Allocation;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Core.Tests.Backtesting;

public class PortfolioBacktestEngineTests
{
    private static readonly BacktestSettings Settings = new() { InitialBalance = 100_000m };
    private static readonly AllocationLimits Open = new() { MaxStrategySharePct = 100m, UncertainRegimeFactor = 1m, MaxPortfolioHeatPct = 100m };

    /// <summary>A price oscillating around 20,000 with two periods, so RSI and the crossovers signal often.</summary>
    private static BacktestData Wave(int count)
    {
        var candles = new Candle[count];
        var previous = 20_000m;
        for (var i = 0; i < count; i++)
        {
            var close = 20_000m + (decimal)Math.Round((Math.Sin(i / 9.0) * 300) + (Math.Sin(i / 47.0) * 700), 2);
            candles[i] = Candle.Create(EngineCandles.Btc, Timeframe.M1, EngineCandles.T0 + (i * 60_000L), previous,
                Math.Max(previous, close) + 5, Math.Min(previous, close) - 5, close, 1m);
            previous = close;
        }
        return new BacktestData(candles);
    }

    private static StrategyBase Create(string name) => BuiltInStrategies.CreateRegistry().Create(name, new Dictionary<string, string>());

    private static PortfolioBacktestResult Run(IReadOnlyList<StrategyBase> strategies, BacktestData data, AllocationLimits limits, BacktestSettings? settings = null) =>
        new PortfolioBacktestEngine().Run(strategies, data, settings ?? Settings, limits, ct: TestContext.Current.CancellationToken);

    [Fact]
    public void Run_OneStrategyUnderAnOpenBudget_SameStatisticsAsASingleRun()
    {
        var data = Wave(3_000);
        var single = new BacktestEngine().Run(Create("rsi"), data, Settings, ct: TestContext.Current.CancellationToken);

        var portfolio = Run([Create("rsi")], data, Open);

        single.Statistics.Trades.ShouldBeGreaterThan(10);
        portfolio.Total.Statistics.ShouldBe(single.Statistics);
        portfolio.Strategies.Single().Trades.ShouldBe(single.Statistics.Trades);
    }

    [Fact]
    public void Run_ThreeStrategiesWanting40Pct_EachHoldsAtMost25PctAndTheHeatCapHolds()
    {
        var data = Wave(3_000);
        var settings = Settings with { Policy = new ExecutionPolicy { Sizing = new PositionSizing(PositionSizingMode.EquityFraction, 0.4m), StopLossPct = 2m } };
        var strategies = new[] { "rsi", "sma_crossover", "mean_reversion" }.Select(Create).ToList();
        var limits = new AllocationLimits();

        var result = Run(strategies, data, limits, settings);

        result.Strategies.Select(s => s.Strategy).ShouldBe(["rsi", "sma_crossover", "mean_reversion"]);
        result.Strategies.ShouldAllBe(s => s.Orders > 0);
        result.Strategies.Sum(s => s.Reduced).ShouldBeGreaterThan(0);
        result.PeakHeatPct.ShouldBeLessThanOrEqualTo(limits.MaxPortfolioHeatPct);
        var initial = Settings.InitialBalance;
        var total = result.Total.Statistics.FinalBalance - initial;
        result.Strategies.Sum(s => s.NetPnl).ShouldBe(total, 0.01m); // the sleeves add up to the account
    }

    [Fact]
    public void Run_SameStrategyTwice_EveryBuyWithinAQuarterOfEquity()
    {
        var data = Wave(3_000);
        var settings = Settings with { Policy = new ExecutionPolicy { Sizing = new PositionSizing(PositionSizingMode.EquityFraction, 0.4m), StopLossPct = 2m } };

        var result = Run([Create("rsi"), Create("rsi")], data, new AllocationLimits(), settings);

        result.Strategies.Select(s => s.Strategy).ShouldBe(["rsi", "rsi#2"]);
        var peakEquity = (decimal)result.Total.Equity.ToArray().Max();
        var buys = result.Total.Fills.Where(f => f.Side == OrderSide.Buy).ToList();
        buys.Count.ShouldBeGreaterThan(10);
        buys.ShouldAllBe(f => f.Notional <= 0.25m * peakEquity * 1.001m); // the 2 bps slippage on the fill
    }
}
