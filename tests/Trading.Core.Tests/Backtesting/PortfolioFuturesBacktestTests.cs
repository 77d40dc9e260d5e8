using Shouldly;
using Trading.Core.Allocation;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Core.Tests.Backtesting;

/// <summary>Portfolio backtests on USDⓈ-M futures (docs/allocation.md): several strategies on one futures account under the allocator.</summary>
public class PortfolioFuturesBacktestTests
{
    private static readonly AllocationLimits Open = new() { MaxStrategySharePct = 100m, UncertainRegimeFactor = 1m, MaxPortfolioHeatPct = 100m };

    private static BacktestSettings Futures(int leverage, decimal fundingRate, ExecutionPolicy? policy = null) => new()
    {
        InitialBalance = 100_000m,
        FeeBps = 5m,
        Policy = policy ?? new ExecutionPolicy(),
        Futures = new FuturesBacktestSettings
        {
            Leverage = leverage, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(fundingRate), SpotCandlesStandIn = true,
        },
    };

    /// <summary>A price oscillating around 20,000 with two periods, so RSI and the crossovers signal often; 1m candles over 3,000 minutes (nine settlements).</summary>
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

    private static StrategyBase Sma() => BuiltInStrategies.CreateRegistry().Create("sma_crossover", new Dictionary<string, string> { ["quantity"] = "0.5" });

    private static PortfolioBacktestResult Run(IReadOnlyList<StrategyBase> strategies, BacktestData data, AllocationLimits limits, BacktestSettings settings) =>
        new PortfolioBacktestEngine().Run(strategies, data, settings, limits, ct: TestContext.Current.CancellationToken);

    [Fact]
    public void Run_UsdmOneStrategyUnderAnOpenBudget_SameResultAsASingleFuturesRun()
    {
        var data = Wave(3_000);
        var settings = Futures(3, 0.0001m);
        var single = new BacktestEngine().Run(Sma(), data, settings, ct: TestContext.Current.CancellationToken);

        var portfolio = Run([Sma()], data, Open, settings);

        portfolio.Strategies.Single().Reduced.ShouldBe(0); // the open budget never binds, so the runs must agree
        single.Statistics.Trades.ShouldBeGreaterThan(10);
        single.Futures.ShouldNotBeNull().Trades.ShouldContain(t => t.Side == PositionSide.Short);
        portfolio.Total.Statistics.ShouldBe(single.Statistics);
        portfolio.Total.Futures.ShouldNotBeNull().FundingSettlements.ShouldBe(single.Futures.FundingSettlements);
        portfolio.Strategies.Single().NetPnl.ShouldBe(portfolio.Total.Statistics.FinalBalance - settings.InitialBalance, 0.01m);
    }

    [Fact]
    public void Run_UsdmThreeStrategiesWanting40Pct_EachHoldsAtMost25PctInMarginAndTheHeatCapHolds()
    {
        var data = Wave(3_000);
        const int leverage = 3;
        var settings = Futures(leverage, 0.0001m,
            new ExecutionPolicy { Sizing = new PositionSizing(PositionSizingMode.EquityFraction, 0.4m) });
        var strategies = new[] { "rsi", "sma_crossover", "mean_reversion" }.Select(Create).ToList();
        var limits = new AllocationLimits();

        var result = Run(strategies, data, limits, settings);

        result.Strategies.Select(s => s.Strategy).ShouldBe(["rsi", "sma_crossover", "mean_reversion"]);
        result.Strategies.ShouldAllBe(s => s.Orders > 0);
        result.Strategies.Sum(s => s.Reduced).ShouldBeGreaterThan(0);
        result.PeakHeatPct.ShouldBeGreaterThan(0m);
        result.PeakHeatPct.ShouldBeLessThanOrEqualTo(limits.MaxPortfolioHeatPct);
        var peakEquity = (decimal)result.Total.Equity.ToArray().Max();
        var openings = OpeningFills(result.Total.Fills);
        openings.Count.ShouldBeGreaterThan(10);
        openings.ShouldAllBe(f => f.Notional / leverage <= 0.25m * peakEquity * 1.001m); // the 2 bps slippage on the fill
        result.Total.Futures.ShouldNotBeNull().FundingSettlements.ShouldBeGreaterThan(0);
        var total = result.Total.Statistics.FinalBalance - settings.InitialBalance;
        result.Strategies.Sum(s => s.NetPnl).ShouldBe(total, 0.01m); // the sleeves, funding included, add up to the account
    }

    [Fact]
    public void Run_UsdmLiquidation_TheSleevesLoseTheMarginTheAccountLoses()
    {
        // Two strategies each open a long at 20,000 with leverage 20; the price then falls through the liquidation price.
        var candles = FuturesCandles.Series(12, 20_000m, FuturesCandles.Bar(5, 20_000m, 20_010m, 18_000m, 18_500m));
        var settings = Futures(20, 0m) with { InitialBalance = 10_000m };

        var result = Run([new ScriptedStrategy((1, OrderSide.Buy, 0.5m)), new ScriptedStrategy((2, OrderSide.Buy, 0.5m))], new BacktestData(candles), Open, settings);

        var futures = result.Total.Futures.ShouldNotBeNull();
        futures.Liquidations.ShouldBe(1);
        result.Strategies.ShouldAllBe(s => s.FinalQuantity == 0m && s.Trades == 1);
        var total = result.Total.Statistics.FinalBalance - settings.InitialBalance;
        total.ShouldBeLessThan(-900m); // two margins of 500 each, less the maintenance remainder, plus fees
        result.Strategies.Sum(s => s.NetPnl).ShouldBe(total, 0.01m);
    }

    /// <summary>The fills that opened or increased the one-way position (replayed from flat).</summary>
    private static List<Fill> OpeningFills(IEnumerable<Fill> fills)
    {
        var position = 0m;
        var openings = new List<Fill>();
        foreach (var fill in fills)
        {
            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            if (position == 0 || Math.Sign(position) == Math.Sign(signed)) openings.Add(fill);
            position += signed;
        }
        return openings;
    }
}
