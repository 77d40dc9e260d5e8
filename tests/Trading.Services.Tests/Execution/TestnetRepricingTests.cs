using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// A testnet limit entry that times out is re-priced with one order/cancelReplace at the simulator: the old order is
/// cancelled and the new one rests in the same request, so the exchange never holds both or neither.
/// </summary>
public sealed class TestnetRepricingTests
{
    private static readonly ExecutionPolicy LimitEntries = new()
    {
        EntryOrderType = EntryOrderType.Limit, LimitEntryTimeout = new LimitEntryTimeoutPolicy(TimeSpan.FromMinutes(2), AbandonMovePct: 5m),
    };

    [Fact]
    public async Task OnCandleAsync_TestnetLimitEntryTimesOut_RepricedByOneCancelReplace()
    {
        var candles = TestCandles.Generate(10);
        var below = Math.Round(candles[^1].Close - 1_000m, 2); // rests: the simulator's price is about 1,000 higher
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: null, LimitEntries);
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(0, below), run.H.Token);

        var placed = await run.Executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("limit", below)), run.H.Token);
        placed.Order.ShouldNotBeNull().Status.ShouldBe(OrderStatus.New);
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(1, below + 50m), run.H.Token);
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(2, below + 60m), run.H.Token);

        (await run.H.Store.Orders.GetAsync(placed.Order.Id, run.H.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Cancelled);
        var repriced = (await run.H.Store.Orders.GetByClientOrderIdAsync(ClientOrderIds.FromSignal("limit-r1"), run.H.Token)).ShouldNotBeNull();
        repriced.Status.ShouldBe(OrderStatus.New);
        repriced.Price.ShouldBe(below + 60m);
        repriced.Quantity.ShouldBe(0.01m);
        run.Sim.Requests.Count("/api/v3/order/cancelReplace").ShouldBe(1);
        run.Sim.Exchange.OrdersWithClientId(placed.Order.ClientOrderId).Single().Status.ShouldBe("CANCELED");
        var open = run.Sim.Exchange.Orders.Where(o => o.IsOpen).ShouldHaveSingleItem();
        open.ClientOrderId.ShouldBe(repriced.ClientOrderId);
        open.Price.ShouldBe(below + 60m);
    }
}
