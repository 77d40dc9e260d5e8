namespace Trading.Core.Model;

/// <summary>One persisted status transition of an order, with its cause.</summary>
public sealed record OrderEvent(string OrderId, OrderStatus From, OrderStatus To, DateTimeOffset Time, string Cause);
