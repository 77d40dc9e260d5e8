using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// Moves orders along <see cref="OrderTransitions"/>. Every call returns the new snapshot and the event
/// (time, cause) that the caller persists; an illegal edge throws <see cref="InvalidOrderTransitionException"/>.
/// </summary>
public static class OrderStateMachine
{
    private const int CauseBuffer = 128;

    public static OrderTransition Transition(Order order, OrderStatus to, DateTimeOffset time, string cause)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureAllowed(order, to);
        var next = order with { Status = to, UpdatedAt = time };
        return new OrderTransition(next, new OrderEvent(order.Id, order.Status, to, time, cause));
    }

    public static OrderTransition Submit(Order order, DateTimeOffset time) =>
        Transition(order, OrderStatus.Submitted, time, "submitted to venue");

    /// <summary>The venue acknowledged the order and it rests on the book.</summary>
    public static OrderTransition Accept(Order order, string? exchangeOrderId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureAllowed(order, OrderStatus.New);
        var next = order with { Status = OrderStatus.New, UpdatedAt = time, ExchangeOrderId = exchangeOrderId ?? order.ExchangeOrderId };
        return new OrderTransition(next, new OrderEvent(order.Id, order.Status, OrderStatus.New, time, "accepted by venue"));
    }

    public static OrderTransition RequestCancel(Order order, DateTimeOffset time, string cause = "cancel requested") =>
        Transition(order, OrderStatus.PendingCancel, time, cause);

    public static OrderTransition Cancel(Order order, DateTimeOffset time, string cause = "cancelled") =>
        Transition(order, OrderStatus.Cancelled, time, cause);

    public static OrderTransition Reject(Order order, DateTimeOffset time, string reason) =>
        Transition(order, OrderStatus.Rejected, time, reason);

    public static OrderTransition Expire(Order order, DateTimeOffset time, string reason) =>
        Transition(order, OrderStatus.Expired, time, reason);

    public static OrderTransition Fail(Order order, DateTimeOffset time, string reason) =>
        Transition(order, OrderStatus.Failed, time, reason);

    /// <summary>
    /// Adds one execution: filled quantity, volume-weighted average fill price and fees. The order becomes
    /// Filled when nothing remains, otherwise PartiallyFilled. A fill larger than the remainder throws
    /// <see cref="OverfillException"/> and changes nothing.
    /// </summary>
    public static OrderTransition ApplyFill(Order order, Fill fill, string? cause = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.OrderId != order.Id)
            throw new OverfillException($"Fill {fill.Id} belongs to order {fill.OrderId}, not {order.Id}.");
        if (fill.Symbol != order.Symbol || fill.Side != order.Side)
            throw new OverfillException($"Fill {fill.Id} is {fill.Side} {fill.Symbol} but order {order.Id} is {order.Side} {order.Symbol}.");
        if (fill.Quantity <= 0 || fill.Price <= 0 || fill.Fee < 0)
            throw new OverfillException($"Fill {fill.Id} needs a positive price and quantity and a non-negative fee.");
        if (fill.Quantity > order.RemainingQuantity)
            throw new OverfillException($"Fill {fill.Id} of {fill.Quantity} exceeds the remaining {order.RemainingQuantity} of order {order.Id}.");

        var filled = order.FilledQuantity + fill.Quantity;
        var isComplete = filled == order.Quantity;
        var to = isComplete ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        EnsureAllowed(order, to);

        var averagePrice = AverageAfter(order, fill, filled);
        var next = order with
        {
            Status = to,
            FilledQuantity = filled,
            AverageFillPrice = averagePrice,
            Fees = order.Fees + fill.Fee,
            FeeAsset = fill.FeeAsset,
            UpdatedAt = fill.Time,
            FilledAt = isComplete ? fill.Time : order.FilledAt,
        };
        var why = cause ?? string.Create(null, stackalloc char[CauseBuffer], $"fill {fill.Id}: {fill.Quantity} @ {fill.Price}");
        return new OrderTransition(next, new OrderEvent(order.Id, order.Status, to, fill.Time, why));
    }

    /// <summary>
    /// (average × filled + price × quantity) / new filled. For an order's first fill whose notional is exact, that
    /// quotient is the fill price itself, digits and scale alike, so the division is skipped.
    /// </summary>
    private static decimal AverageAfter(Order order, Fill fill, decimal filled)
    {
        var notional = fill.Price * fill.Quantity;
        var before = order.AverageFillPrice * order.FilledQuantity;
        if (order.FilledQuantity == 0 && before.Scale <= notional.Scale && notional.Scale == fill.Price.Scale + fill.Quantity.Scale)
            return fill.Price;
        return (before + notional) / filled;
    }

    private static void EnsureAllowed(Order order, OrderStatus to)
    {
        if (!OrderTransitions.IsAllowed(order.Status, to))
            throw new InvalidOrderTransitionException(order.Id, order.Status, to);
    }
}
