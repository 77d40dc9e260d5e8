using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>
/// An order to place. <see cref="ClientOrderId"/> is the caller's (derived from the signal id) so an unknown outcome can be
/// looked up; Binance allows 1-36 characters of [.A-Z:/a-z0-9_-]. Quantity and price must already be on the symbol's step and tick.
/// </summary>
public sealed record NewOrderRequest(
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    string ClientOrderId,
    decimal? Price = null,
    TimeInForce TimeInForce = TimeInForce.Gtc)
{
    /// <summary>A market order by quote amount (quoteOrderQty): spend (buy) or receive (sell) this much quote; Quantity is then ignored.</summary>
    public decimal? QuoteOrderQty { get; init; }

    /// <summary>A stop-loss: the order waits at the exchange until the price reaches this, then works as <see cref="Type"/> (STOP_LOSS or STOP_LOSS_LIMIT).</summary>
    public decimal? StopPrice { get; init; }

    public string BinanceType => (Type, StopPrice) switch
    {
        (OrderType.Market, null) => "MARKET",
        (OrderType.Limit, null) => "LIMIT",
        (OrderType.Market, _) => "STOP_LOSS",
        _ => "STOP_LOSS_LIMIT",
    };
}

public enum TimeInForce
{
    /// <summary>Good till cancelled.</summary>
    Gtc,

    /// <summary>Immediate or cancel.</summary>
    Ioc,

    /// <summary>Fill or kill.</summary>
    Fok,
}
