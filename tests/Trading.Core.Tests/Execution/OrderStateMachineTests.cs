using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Core.Tests.Execution;

public class OrderStateMachineTests
{
    private static readonly (OrderStatus From, OrderStatus To)[] ExpectedEdges =
    [
        (OrderStatus.Created, OrderStatus.Submitted), (OrderStatus.Created, OrderStatus.Rejected),
        (OrderStatus.Created, OrderStatus.Failed), (OrderStatus.Created, OrderStatus.Cancelled),
        (OrderStatus.Submitted, OrderStatus.New), (OrderStatus.Submitted, OrderStatus.PartiallyFilled),
        (OrderStatus.Submitted, OrderStatus.Filled), (OrderStatus.Submitted, OrderStatus.Rejected),
        (OrderStatus.Submitted, OrderStatus.Failed), (OrderStatus.Submitted, OrderStatus.Expired),
        (OrderStatus.Submitted, OrderStatus.Cancelled), (OrderStatus.Submitted, OrderStatus.PendingCancel),
        (OrderStatus.New, OrderStatus.PartiallyFilled), (OrderStatus.New, OrderStatus.Filled),
        (OrderStatus.New, OrderStatus.PendingCancel), (OrderStatus.New, OrderStatus.Cancelled), (OrderStatus.New, OrderStatus.Expired),
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled), (OrderStatus.PartiallyFilled, OrderStatus.Filled),
        (OrderStatus.PartiallyFilled, OrderStatus.PendingCancel), (OrderStatus.PartiallyFilled, OrderStatus.Cancelled),
        (OrderStatus.PartiallyFilled, OrderStatus.Expired),
        (OrderStatus.PendingCancel, OrderStatus.Cancelled), (OrderStatus.PendingCancel, OrderStatus.PartiallyFilled),
        (OrderStatus.PendingCancel, OrderStatus.Filled), (OrderStatus.PendingCancel, OrderStatus.New),
        (OrderStatus.PendingCancel, OrderStatus.Expired),
    ];

    public static TheoryData<OrderStatus, OrderStatus> LegalEdges() => new(ExpectedEdges.Select(e => (e.From, e.To)));

    public static TheoryData<OrderStatus, OrderStatus> IllegalEdges()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                if (!ExpectedEdges.Contains((from, to))) data.Add(from, to);
            }
        }
        return data;
    }

    [Fact]
    public void Edges_Table_IsExactlyTheDeclaredSet()
    {
        OrderTransitions.Edges.ToHashSet().SetEquals(ExpectedEdges).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(LegalEdges))]
    public void Transition_LegalEdge_ReturnsSnapshotAndEvent(OrderStatus from, OrderStatus to)
    {
        var order = Orders.Create(from);
        var time = Orders.T0.AddSeconds(5);

        var (next, evt) = OrderStateMachine.Transition(order, to, time, "because");

        next.Status.ShouldBe(to);
        next.UpdatedAt.ShouldBe(time);
        evt.ShouldBe(new OrderEvent("o1", from, to, time, "because"));
        order.Status.ShouldBe(from);
    }

    [Theory]
    [MemberData(nameof(IllegalEdges))]
    public void Transition_IllegalEdge_ThrowsNamingBothStates(OrderStatus from, OrderStatus to)
    {
        var ex = Should.Throw<InvalidOrderTransitionException>(() => OrderStateMachine.Transition(Orders.Create(from), to, Orders.T0, "x"));

        ex.Message.ShouldContain($"{from} -> {to}");
        (ex.From, ex.To).ShouldBe((from, to));
    }

    [Theory]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Failed)]
    public void IsTerminal_TerminalState_HasNoOutgoingEdges(OrderStatus status)
    {
        OrderTransitions.IsTerminal(status).ShouldBeTrue();
        OrderTransitions.Edges.ShouldNotContain(e => e.From == status);
    }

    [Fact]
    public void ApplyFill_FillAfterCancelRequest_PartiallyFillsThenCancels()
    {
        var order = OrderStateMachine.RequestCancel(Orders.Create(OrderStatus.New, quantity: 2m), Orders.T0).Order;

        var partial = OrderStateMachine.ApplyFill(order, Orders.Fill(0.5m, 100m));
        var cancelled = OrderStateMachine.Cancel(partial.Order, Orders.T0.AddMinutes(2));

        partial.Event.From.ShouldBe(OrderStatus.PendingCancel);
        partial.Order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        cancelled.Order.Status.ShouldBe(OrderStatus.Cancelled);
        cancelled.Order.FilledQuantity.ShouldBe(0.5m);
    }

    [Fact]
    public void ApplyFill_CancelFailsBecauseFilled_EndsFilled()
    {
        var order = OrderStateMachine.RequestCancel(Orders.Create(OrderStatus.New), Orders.T0).Order;

        var filled = OrderStateMachine.ApplyFill(order, Orders.Fill(1m, 100m), "cancel rejected: order already filled");

        filled.Event.ShouldBe(new OrderEvent("o1", OrderStatus.PendingCancel, OrderStatus.Filled, Orders.Fill(1m, 100m).Time, "cancel rejected: order already filled"));
        filled.Order.FilledAt.ShouldBe(Orders.Fill(1m, 100m).Time);
        Should.Throw<InvalidOrderTransitionException>(() => OrderStateMachine.Cancel(filled.Order, Orders.T0));
    }

    [Fact]
    public void ApplyFill_MarketAnsweredFull_GoesSubmittedToFilled()
    {
        var order = Orders.Create(OrderStatus.Submitted, type: OrderType.Market);

        var result = OrderStateMachine.ApplyFill(order, Orders.Fill(1m, 101m, fee: 0.101m));

        result.Event.From.ShouldBe(OrderStatus.Submitted);
        result.Order.Status.ShouldBe(OrderStatus.Filled);
        result.Order.Fees.ShouldBe(0.101m);
    }

    [Fact]
    public void ApplyFill_TwoPartials_WeightedAverageAndFeesAccumulate()
    {
        var order = Orders.Create(OrderStatus.New, quantity: 3m);

        var first = OrderStateMachine.ApplyFill(order, Orders.Fill(1m, 100m, fee: 0.1m, id: "f1")).Order;
        var second = OrderStateMachine.ApplyFill(first, Orders.Fill(2m, 103m, fee: 0.206m, id: "f2")).Order;

        first.Status.ShouldBe(OrderStatus.PartiallyFilled);
        second.Status.ShouldBe(OrderStatus.Filled);
        second.FilledQuantity.ShouldBe(3m);
        second.AverageFillPrice.ShouldBe(102m); // (100 + 2 × 103) / 3
        second.Fees.ShouldBe(0.306m);
        second.RemainingQuantity.ShouldBe(0m);
    }

    [Fact]
    public void ApplyFill_MoreThanRemaining_ThrowsAndNeverOverfills()
    {
        var order = OrderStateMachine.ApplyFill(Orders.Create(OrderStatus.New, quantity: 1m), Orders.Fill(0.6m, 100m)).Order;

        var ex = Should.Throw<OverfillException>(() => OrderStateMachine.ApplyFill(order, Orders.Fill(0.5m, 100m, id: "f2")));

        ex.Message.ShouldContain("exceeds the remaining 0.4");
    }

    [Fact]
    public void ApplyFill_OtherOrdersFill_Throws()
    {
        Should.Throw<OverfillException>(() => OrderStateMachine.ApplyFill(Orders.Create(OrderStatus.New), Orders.Fill(1m, 100m, orderId: "other")));
    }

    [Fact]
    public void ApplyFill_OnCreatedOrder_ThrowsIllegalTransition()
    {
        Should.Throw<InvalidOrderTransitionException>(() => OrderStateMachine.ApplyFill(Orders.Create(), Orders.Fill(1m, 100m)));
    }

    [Fact]
    public void Accept_WithExchangeId_SetsItAndMovesToNew()
    {
        var result = OrderStateMachine.Accept(Orders.Create(OrderStatus.Submitted), "123", Orders.T0);

        result.Order.Status.ShouldBe(OrderStatus.New);
        result.Order.ExchangeOrderId.ShouldBe("123");
    }
}
