using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Execution;
using Trading.Storage;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// Paper orders belong to the store, not to a process: executors on their own store connections (as separate processes
/// would have) place, fill and cancel each other's orders, and their limits hold together.
/// </summary>
public sealed class SharedPaperBookTests
{
    private const decimal Price = 70_000m;

    [Fact]
    public async Task OnCandleAsync_LimitOrderPlacedByAnotherProcess_FilledOnceAndBookedByEveryProcess()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        await using var placerStore = await OpenStoreAsync(h);
        await using var matcherStore = await OpenStoreAsync(h);
        var placer = await ExecutorOnAsync(h, placerStore);
        var placed = await placer.ExecuteAsync(LimitBuy("cli-1", Price - 50m), h.Token);
        var matcher = await ExecutorOnAsync(h, matcherStore);
        var second = await ExecutorOnAsync(h, h.Store);

        var stillOpen = await h.Store.Orders.GetAsync(placed.Order!.Id, h.Token);
        await matcher.OnCandleAsync(ExecutionHarness.Bar(1, Price - 45m), h.Token);
        await second.OnCandleAsync(ExecutionHarness.Bar(1, Price - 45m), h.Token);

        stillOpen.ShouldNotBeNull().Status.ShouldBe(OrderStatus.New);
        var order = (await h.Store.Orders.GetAsync(placed.Order.Id, h.Token)).ShouldNotBeNull();
        order.Status.ShouldBe(OrderStatus.Filled);
        order.AverageFillPrice.ShouldBe(Price - 50m);
        var fill = (await h.Store.Orders.GetFillsAsync(order.Id, h.Token)).ShouldHaveSingleItem();
        fill.Quantity.ShouldBe(0.01m);
        var placerHolds = 0m;
        await placer.WithAccountAsync((account, _) => Task.FromResult(placerHolds = account.Quantity(ExecutionHarness.Btc)), h.Token);
        placerHolds.ShouldBe(0.01m);
        matcher.Market.Account.Quantity(ExecutionHarness.Btc).ShouldBe(0.01m);
    }

    [Fact]
    public async Task CancelAsync_LimitOrderPlacedByAnotherProcess_CancelledThereAndNeverFilledLater()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        await using var placerStore = await OpenStoreAsync(h);
        await using var cancellerStore = await OpenStoreAsync(h);
        var placer = await ExecutorOnAsync(h, placerStore);
        var placed = await placer.ExecuteAsync(LimitBuy("cli-2", 60_000m), h.Token);
        var matcher = await ExecutorOnAsync(h, h.Store);

        var cancelled = await (await ExecutorOnAsync(h, cancellerStore)).CancelAsync(placed.Order!.Id, h.Token);
        await matcher.OnCandleAsync(ExecutionHarness.Bar(1, 59_000m), h.Token);

        cancelled.Result.ShouldBe(ExecutionResult.Placed, cancelled.Reason);
        var order = (await h.Store.Orders.GetAsync(placed.Order.Id, h.Token)).ShouldNotBeNull();
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.FilledQuantity.ShouldBe(0m);
        (await h.Store.Orders.GetFillsAsync(order.Id, h.Token)).ShouldBeEmpty();
        (await h.Store.Orders.GetEventsAsync(order.Id, h.Token)).Select(e => e.To)
            .ShouldBe([OrderStatus.Submitted, OrderStatus.New, OrderStatus.PendingCancel, OrderStatus.Cancelled]);
        var again = await placer.CancelAsync(order.Id, h.Token);
        again.Result.ShouldBe(ExecutionResult.Denied);
    }

    [Fact]
    public async Task ExecuteAtPriceAsync_ConcurrentBuysFromTwoProcesses_PositionStaysWithinTheLimit()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        await using var otherStore = await OpenStoreAsync(h);
        OrderExecutor[] executors = [await ExecutorOnAsync(h, h.Store), await ExecutorOnAsync(h, otherStore)];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            executors[i % 2].ExecuteAtPriceAsync(ExecutionRequest.Manual(ExecutionHarness.Btc, OrderSide.Buy, 0.005m, null), Price, h.Clock.GetUtcNow(), h.Token), h.Token)));

        // RISK_MAX_POSITION_SIZE 0.1 of 10,000 USDT: two 0.005 BTC buys at 70,000 fit, a third would not.
        outcomes.Count(o => o.Order?.Status == OrderStatus.Filled).ShouldBe(2);
        outcomes.Where(o => o.IsDenied).ShouldAllBe(o => o.Reason.Contains("MaxPositionSize"));
        var fills = await h.Store.Orders.GetFillsAsync(null, h.Token);
        fills.Sum(f => f.Quantity).ShouldBe(0.01m);
        fills.Sum(f => f.Quantity * f.Price).ShouldBeLessThanOrEqualTo(0.1m * 10_000m);
    }

    [Fact]
    public async Task ExecuteAsync_PaperOrderLeftSubmittedByADeadStep_FailsItAndTradesOn()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        var now = h.Clock.GetUtcNow();
        var created = new Order
        {
            Id = "dead", ClientOrderId = "dead", Symbol = ExecutionHarness.Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.01m,
            CreatedAt = now, UpdatedAt = now,
        };
        var submitted = Core.Execution.OrderStateMachine.Submit(created, now);
        await h.Store.Orders.SaveAsync(submitted.Order, submitted.Event, h.Token);
        var executor = await ExecutorOnAsync(h, h.Store);

        var outcome = await executor.ExecuteAsync(LimitBuy("after", Price - 100m), h.Token);

        outcome.Result.ShouldBe(ExecutionResult.Placed, outcome.Reason);
        (await h.Store.Orders.GetAsync("dead", h.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Failed);
    }

    private static ExecutionRequest LimitBuy(string signalId, decimal price) =>
        new(signalId, new OrderIntent(ExecutionHarness.Btc, OrderSide.Buy, 0.01m, LimitPrice: price));

    private static Task<ITradingStore> OpenStoreAsync(ExecutionHarness h) => TradingStoreFactory.OpenAsync(null, h.Settings.DataDir, h.Token);

    private static Task<OrderExecutor> ExecutorOnAsync(ExecutionHarness h, ITradingStore store) => h.CreatePaperExecutorAsync(store);
}
