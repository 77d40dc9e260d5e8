namespace Trading.Binance.Simulator.Matching;

/// <summary>What an order's type-dependent parameters are called: plain on POST /api/v3/order, prefixed on an order list's legs.</summary>
internal sealed record OrderFieldNames(string Price, string StopPrice, string TimeInForce, string ClientOrderId)
{
    public static readonly OrderFieldNames Order = new("price", "stopPrice", "timeInForce", "newClientOrderId");

    /// <summary>An OCO's legs: abovePrice, aboveStopPrice, aboveTimeInForce, aboveClientOrderId (and below…).</summary>
    public static OrderFieldNames Leg(string prefix) => new($"{prefix}Price", $"{prefix}StopPrice", $"{prefix}TimeInForce", $"{prefix}ClientOrderId");
}
