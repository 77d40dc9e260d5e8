using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Execution;

namespace Trading.Services.Tests.Execution;

public sealed class OrderExecutorTests
{
    [Fact]
    public async Task ExecuteAsync_DryRun_RecordsSignalAndDecisionButNoOrder()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var executor = await h.CreateExecutorAsync(ExecutionMode.DryRun);

        var outcome = await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("s1", 70_000m)), h.Token);

        outcome.Result.ShouldBe(ExecutionResult.DryRun);
        (await h.Store.Signals.GetAsync("s1", h.Token)).ShouldNotBeNull();
        var decision = (await h.Store.RiskDecisions.ListAsync("s1", null, 10, h.Token)).ShouldHaveSingleItem();
        decision.Allowed.ShouldBeTrue();
        (await h.Store.Orders.ListAsync(false, 10, h.Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_PaperMarketOrder_FillsOnTheNextCandleAndPublishesOrdersAndFills()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var executor = await h.CreateExecutorAsync(ExecutionMode.Paper);

        var outcome = await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("s1", 70_000m)), h.Token);
        outcome.Order!.Status.ShouldBe(OrderStatus.New);
        outcome.Order.ClientOrderId.ShouldBe(ClientOrderIds.FromSignal("s1"));
        await executor.OnCandleAsync(ExecutionHarness.Bar(1, 70_100m), h.Token);

        var filled = await h.NextOrderAsync(OrderStatus.Filled);
        filled.AverageFillPrice.ShouldBe(70_100m);
        var fill = await h.NextAsync(h.Fills);
        fill.Fee.ShouldBe(0.01m * 70_100m * 0.001m);
        executor.Market.Account.Quantity(ExecutionHarness.Btc).ShouldBe(0.01m);
        var events = await h.Store.Orders.GetEventsAsync(filled.Id, h.Token);
        events.Select(e => e.To).ShouldBe([OrderStatus.Submitted, OrderStatus.New, OrderStatus.Filled]);
    }

    [Fact]
    public async Task ExecuteAsync_SameSignalTwiceAndAfterRestart_PlacesOneOrder()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var signal = ExecutionHarness.BuySignal("dup", 70_000m);
        var first = await (await h.CreateExecutorAsync(ExecutionMode.Paper)).ExecuteAsync(ExecutionRequest.FromSignal(signal), h.Token);
        await h.ReopenStoreAsync();
        var restarted = await h.CreateExecutorAsync(ExecutionMode.Paper);

        var second = await restarted.ExecuteAsync(ExecutionRequest.FromSignal(signal), h.Token);
        var third = await restarted.ExecuteAsync(ExecutionRequest.FromSignal(signal), h.Token);

        first.Result.ShouldBe(ExecutionResult.Placed);
        second.Result.ShouldBe(ExecutionResult.Duplicate);
        third.Result.ShouldBe(ExecutionResult.Duplicate);
        (await h.Store.Orders.ListAsync(false, 10, h.Token)).ShouldHaveSingleItem().SignalId.ShouldBe("dup");
    }

    [Fact]
    public async Task ExecuteAsync_KillSwitchEngaged_SurvivesRestartAndDenies()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        await new KillSwitch(h.Store.SystemState).SetAsync(TradingState.Halted, "test", h.Token);
        await h.ReopenStoreAsync();
        var executor = await h.CreateExecutorAsync(ExecutionMode.Paper);

        var outcome = await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("k1", 70_000m)), h.Token);

        outcome.Result.ShouldBe(ExecutionResult.Denied);
        outcome.Reason.ShouldContain("HALTED");
        (await h.Store.RiskDecisions.ListAsync("k1", null, 10, h.Token)).ShouldHaveSingleItem().Check.ShouldBe(nameof(RiskCheck.TradingState));
        (await h.Store.Orders.ListAsync(false, 10, h.Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_MarketConnectionDown_DeniesWithReason()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var executor = await h.CreateExecutorAsync(ExecutionMode.Paper);
        h.Health.SetDisconnected("test drop");

        var outcome = await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("m1", 70_000m)), h.Token);

        outcome.Result.ShouldBe(ExecutionResult.Denied);
        outcome.Reason.ShouldStartWith(nameof(RiskCheck.MarketConnection));
    }

    [Theory]
    [InlineData("FOOUSDT", 0.01, null, "unknown symbol")]
    [InlineData("BTCUSDT", -0.01, null, "quantity must be positive")]
    [InlineData("BTCUSDT", 0.00001, null, "below the minimum")]
    [InlineData("BTCUSDT", 0.01, 70000.005, "tick")]
    public async Task ExecuteAsync_BadManualOrder_DeniedAndNothingStored(string symbol, double quantity, double? price, string reason)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var executor = await h.CreateExecutorAsync(ExecutionMode.Paper);

        var request = ExecutionRequest.Manual(Symbol.Parse(symbol), OrderSide.Buy, (decimal)quantity, (decimal?)price);
        var outcome = await executor.ExecuteAsync(request, h.Token);

        outcome.Result.ShouldBe(ExecutionResult.Denied);
        outcome.Reason.ShouldContain(reason);
        (await h.Store.Orders.ListAsync(false, 10, h.Token)).ShouldBeEmpty();
    }
}
