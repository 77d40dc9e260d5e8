namespace Trading.Core.Execution;

/// <summary>
/// A timed-out limit entry: cancel <see cref="Order"/>, then, when the decision says so, place <see cref="Repriced"/>
/// (the same entry at the new price, one more re-price counted).
/// </summary>
public readonly record struct LimitEntryReview(Model.Order Order, Risk.LimitTimeoutDecision Decision, OrderIntent Intent)
{
    public bool Reprice => Decision.Action == Risk.LimitTimeoutAction.CancelAndReprice;

    public OrderIntent Repriced => Intent with { RepriceTo = Decision.NewPrice, Reprices = Intent.Reprices + 1, Quantity = Order.RemainingQuantity };
}
