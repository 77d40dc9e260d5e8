using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>An order was asked to move along an edge the transition table does not declare.</summary>
public sealed class InvalidOrderTransitionException(string orderId, OrderStatus from, OrderStatus to)
    : Exception($"Illegal order transition {from} -> {to} for order {orderId}.")
{
    public string OrderId { get; } = orderId;
    public OrderStatus From { get; } = from;
    public OrderStatus To { get; } = to;
}
