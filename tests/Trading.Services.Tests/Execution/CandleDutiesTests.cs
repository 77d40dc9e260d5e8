using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Execution;
using Trading.Storage;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// What a closed candle obliges a paper executor to do, as the backtest does on the same candle: a protective exit armed by
/// any process fires, and a limit entry times out by market time, whatever the wall clock says.
/// </summary>
public sealed class CandleDutiesTests
{
    private const decimal Price = 70_000m;

    [Fact]
    public async Task OnCandleAsync_StopArmedByAnotherProcess_TriggeredHereWithoutARestart()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var otherStore = await TradingStoreFactory.OpenAsync(null, h.Settings.DataDir, h.Token);
        var watcher = await h.CreatePaperExecutorAsync(otherStore);
        var trader = await h.CreatePaperExecutorAsync(h.Store);
        await trader.OnCandleAsync(ExecutionHarness.Bar(0, Price), h.Token);

        await trader.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("entry", Price) with { StopLoss = Price - 100m }), h.Token);
        await trader.OnCandleAsync(ExecutionHarness.Bar(1, Price), h.Token);
        trader.Kernel.Exits.ArmedCount.ShouldBe(1, "the entry filled and armed its stop");
        watcher.Kernel.Exits.ArmedCount.ShouldBe(0);
        await watcher.OnCandleAsync(ExecutionHarness.Bar(2, Price - 200m), h.Token);

        var exit = (await h.Store.Orders.ListAsync(openOnly: false, limit: 10, h.Token)).Where(o => o.Side == OrderSide.Sell).ShouldHaveSingleItem();
        exit.ClientOrderId.ShouldBe(ClientOrderIds.FromSignal($"exit-BTCUSDT-{ExecutionHarness.Bar(2, Price).OpenTimeMs}"));
        exit.Status.ShouldBe(OrderStatus.Filled);
        exit.FilledQuantity.ShouldBe(0.01m);
        watcher.Kernel.Exits.ArmedCount.ShouldBe(0);
        await trader.OnCandleAsync(ExecutionHarness.Bar(3, Price - 300m), h.Token);
        trader.Kernel.Exits.ArmedCount.ShouldBe(0, "the other process disarmed it");
        (await h.Store.Orders.ListAsync(openOnly: false, limit: 10, h.Token)).Count(o => o.Side == OrderSide.Sell).ShouldBe(1);
    }

    [Fact]
    public async Task OnCandleAsync_ReplayWithTheWallClockDaysAhead_LimitEntryTimesOutAtTheBacktestsCandle()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        h.Clock.Advance(TimeSpan.FromDays(30)); // a replay of past candles: market time is far behind the wall clock
        var policy = new ExecutionPolicy
        {
            EntryOrderType = EntryOrderType.Limit, LimitEntryTimeout = new LimitEntryTimeoutPolicy(TimeSpan.FromMinutes(2), AbandonMovePct: 5m),
        };
        var executor = await h.CreatePaperExecutorAsync(h.Store, policy);
        await executor.OnCandleAsync(ExecutionHarness.Bar(0, Price), h.Token);

        var placed = await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("limit", Price)), h.Token);
        placed.Order.ShouldNotBeNull().Type.ShouldBe(OrderType.Limit);
        await executor.OnCandleAsync(ExecutionHarness.Bar(1, Price + 50m), h.Token);
        (await h.Store.Orders.GetAsync(placed.Order.Id, h.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.New, "one minute old: it waits");
        await executor.OnCandleAsync(ExecutionHarness.Bar(2, Price + 60m), h.Token);

        (await h.Store.Orders.GetAsync(placed.Order.Id, h.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Cancelled, "two minutes old at this close");
        var repriced = (await h.Store.Orders.GetByClientOrderIdAsync(ClientOrderIds.FromSignal("limit-r1"), h.Token)).ShouldNotBeNull();
        repriced.Price.ShouldBe(Price + 60m);
        repriced.Quantity.ShouldBe(0.01m);
    }
}
