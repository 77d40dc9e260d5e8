using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    private static RiskDecisionRecord Allowed(string signalId, string orderId) =>
        new() { Id = $"{orderId}:1", Time = Now, SignalId = signalId, OrderId = orderId, Check = "all", Allowed = true, Reason = "allowed" };

    [Fact]
    public async Task Executions_RecordAsync_AllowedOrder_StoresSignalDecisionOrderAndTransition()
    {
        var order = NewOrder("o1", OrderStatus.Submitted);
        var transition = new OrderEvent("o1", OrderStatus.Created, OrderStatus.Submitted, Now, "sent");

        await Store.Executions.RecordAsync(new ExecutionRecord(NewSignal("sig-o1"), Allowed("sig-o1", "o1"), order, transition), Ct);

        (await Store.Signals.GetAsync("sig-o1", Ct)).ShouldNotBeNull();
        (await Store.RiskDecisions.ListAsync("sig-o1", null, 10, Ct)).ShouldHaveSingleItem().OrderId.ShouldBe("o1");
        (await Store.Orders.GetByClientOrderIdAsync("c-o1", Ct)).ShouldBe(order);
        (await Store.Orders.GetEventsAsync("o1", Ct)).ShouldBe([transition]);
    }

    [Fact]
    public async Task Executions_RecordAsync_SignalAlreadyStored_KeepsTheStoredSignal()
    {
        await Store.Signals.SaveAsync(NewSignal("s1") with { Reason = "from the strategy" }, Ct);
        var denied = new RiskDecisionRecord { Id = "d1", Time = Now, SignalId = "s1", Check = "TradingState", Allowed = false, Reason = "halted" };

        await Store.Executions.RecordAsync(new ExecutionRecord(NewSignal("s1") with { Reason = "order request" }, denied), Ct);

        (await Store.Signals.GetAsync("s1", Ct)).ShouldNotBeNull().Reason.ShouldBe("from the strategy");
        (await Store.RiskDecisions.ListAsync("s1", null, 10, Ct)).ShouldHaveSingleItem().Allowed.ShouldBeFalse();
        (await Store.Orders.ListAsync(ct: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Executions_RecordAsync_OrderRefused_StoresNothingOfTheRecord()
    {
        await Store.Orders.SaveAsync(NewOrder("o1"), ct: Ct);
        var clash = NewOrder("o2", OrderStatus.Submitted) with { ClientOrderId = "c-o1" };

        await Should.ThrowAsync<Exception>(() => Store.Executions.RecordAsync(new ExecutionRecord(NewSignal("sig-o2"), Allowed("sig-o2", "o2"), clash), Ct));

        (await Store.Signals.GetAsync("sig-o2", Ct)).ShouldBeNull();
        (await Store.RiskDecisions.ListAsync("sig-o2", null, 10, Ct)).ShouldBeEmpty();
        (await Store.Orders.GetAsync("o2", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Writes_ManyConcurrentWriters_EveryWriteStored()
    {
        var writes = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? Store.Signals.SaveAsync(NewSignal($"cs{i}"), Ct)
            : Store.Orders.SaveAsync(NewOrder($"co{i}"), ct: Ct));

        await Task.WhenAll(writes);

        (await Store.Signals.ListAsync(null, 100, Ct)).Count.ShouldBe(20);
        (await Store.Orders.ListAsync(false, 100, Ct)).Count.ShouldBe(20);
    }
}
