namespace Trading.Binance.Orders;

public enum PlacementOutcome
{
    /// <summary>The exchange holds the order (<see cref="OrderPlacement.Order"/> is set).</summary>
    Placed,

    /// <summary>The exchange rejected it or, after an unknown outcome, the query proved it does not exist. Safe to decide anew.</summary>
    NotPlaced,

    /// <summary>Neither the answer nor the bounded queries told; look it up again later by client order id. Never resend blindly.</summary>
    Unknown,
}

/// <summary>What became of a placement. <see cref="WasResolvedByQuery"/> is true when the answer was lost and a query decided.</summary>
public sealed record OrderPlacement(
    PlacementOutcome Outcome,
    string ClientOrderId,
    ExchangeOrder? Order = null,
    BinanceTradingException? Rejection = null,
    string? Reason = null,
    bool WasResolvedByQuery = false)
{
    public static OrderPlacement Placed(ExchangeOrder order, bool byQuery = false) =>
        new(PlacementOutcome.Placed, order.ClientOrderId, order, WasResolvedByQuery: byQuery);

    public static OrderPlacement Rejected(string clientOrderId, BinanceTradingException rejection) =>
        new(PlacementOutcome.NotPlaced, clientOrderId, Rejection: rejection, Reason: rejection.Message);
}
