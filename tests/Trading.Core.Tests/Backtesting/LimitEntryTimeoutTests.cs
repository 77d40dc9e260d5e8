using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using static Trading.Core.Tests.Backtesting.EngineCandles;

namespace Trading.Core.Tests.Backtesting;

/// <summary>ENTRY_ORDER_TYPE=limit in a backtest: the entry rests at the signal's price, and the timeout re-prices or abandons it.</summary>
public class LimitEntryTimeoutTests
{
    private static BacktestSettings Settings(LimitEntryTimeoutPolicy? timeout) => new()
    {
        FeeBps = 0m, SlippageBps = 0m,
        Policy = new ExecutionPolicy { EntryOrderType = EntryOrderType.Limit, LimitEntryTimeout = timeout },
    };

    /// <summary>Candle 0 closes at 100 (the signal); the price then drifts up and never trades back down to 100.</summary>
    private static BacktestData Drifting() => new(
    [
        Bar(0, 100, 100.5m, 99.5m, 100), Bar(1, 100.2m, 100.6m, 100.1m, 100.4m), Bar(2, 100.4m, 100.7m, 100.3m, 100.5m),
        Bar(3, 100.5m, 100.8m, 100.4m, 100.6m), Bar(4, 100.6m, 100.9m, 100.45m, 100.7m), Bar(5, 100.7m, 101m, 100.6m, 100.8m),
    ]);

    [Fact]
    public void Run_LimitEntryWithoutTimeout_RestsAtTheSignalPriceAndNeverFills()
    {
        var result = new BacktestEngine().Run(new ScriptedStrategy((0, OrderSide.Buy, 1m)), Drifting(), Settings(null), ct: TestContext.Current.CancellationToken);

        result.Fills.ShouldBeEmpty();
        result.Orders.ShouldBe(1);
    }

    [Fact]
    public void Run_LimitEntryTimedOut_RepricedAtTheLatestCloseAndFilled()
    {
        var timeout = new LimitEntryTimeoutPolicy(TimeSpan.FromMinutes(2), AbandonMovePct: 5m);

        var result = new BacktestEngine().Run(new ScriptedStrategy((0, OrderSide.Buy, 1m)), Drifting(), Settings(timeout), ct: TestContext.Current.CancellationToken);

        result.Orders.ShouldBe(2); // the entry, then its re-price at candle 2's close
        var fill = result.Fills.ShouldHaveSingleItem();
        (fill.Price, fill.Quantity, fill.Time).ShouldBe((100.5m, 1m, Bar(3, 100.5m, 100.8m, 100.4m, 100.6m).OpenTime)); // candle 3 opens at the new limit
    }

    [Fact]
    public void Run_LimitEntryTimedOutAfterTheMarketRanAway_Abandoned()
    {
        var timeout = new LimitEntryTimeoutPolicy(TimeSpan.FromMinutes(2), AbandonMovePct: 0.1m);

        var result = new BacktestEngine().Run(new ScriptedStrategy((0, OrderSide.Buy, 1m)), Drifting(), Settings(timeout), ct: TestContext.Current.CancellationToken);

        result.Fills.ShouldBeEmpty();
        result.Orders.ShouldBe(1);
    }
}
