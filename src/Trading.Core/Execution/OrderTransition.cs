using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>The order after a transition and the event that records it; callers persist both via IOrderStore.SaveAsync.</summary>
public readonly record struct OrderTransition(Order Order, OrderEvent Event);
