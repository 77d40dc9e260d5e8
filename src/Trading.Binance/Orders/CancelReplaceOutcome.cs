namespace Trading.Binance.Orders;

/// <summary>
/// What became of a cancel-replace: the old order as the exchange last reported it (null when the cancel was refused or
/// never looked at), why the cancel was refused, and the new order's placement (NotPlaced when it was refused or not attempted).
/// </summary>
public sealed record CancelReplaceOutcome(ExchangeOrder? Cancelled, BinanceTradingException? CancelRejection, OrderPlacement NewOrder)
{
    public bool Replaced => Cancelled is { Status: Core.Model.OrderStatus.Cancelled } && NewOrder.Outcome == PlacementOutcome.Placed;
}
