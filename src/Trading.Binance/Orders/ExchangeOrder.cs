using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>An order as Binance reports it, mapped to domain types. <see cref="Fills"/> is only filled by a FULL placement answer.</summary>
public sealed record ExchangeOrder
{
    public required Symbol Symbol { get; init; }
    public required long OrderId { get; init; }
    public required string ClientOrderId { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType Type { get; init; }
    public required OrderStatus Status { get; init; }

    /// <summary>Limit price; null for market orders (Binance sends "0.00000000").</summary>
    public decimal? Price { get; init; }

    public required decimal Quantity { get; init; }
    public decimal ExecutedQuantity { get; init; }

    /// <summary>Sum of price × quantity over all fills (Binance's cummulativeQuoteQty).</summary>
    public decimal CumulativeQuoteQuantity { get; init; }

    public string TimeInForce { get; init; } = "GTC";

    /// <summary>Creation (transactTime/time) in Unix ms.</summary>
    public long TimeMs { get; init; }

    public long UpdateTimeMs { get; init; }

    public IReadOnlyList<ExchangeFill> Fills { get; init; } = [];

    public decimal AveragePrice => ExecutedQuantity > 0 ? CumulativeQuoteQuantity / ExecutedQuantity : 0m;

    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;
}

/// <summary>One trade of an order; the commission is in <see cref="CommissionAsset"/>.</summary>
public sealed record ExchangeFill(long TradeId, decimal Price, decimal Quantity, decimal Commission, string CommissionAsset, bool IsMaker = false)
{
    /// <summary>The domain fill for the platform's order <paramref name="orderId"/>.</summary>
    public Fill ToFill(string orderId, Symbol symbol, OrderSide side, DateTimeOffset time) => new()
    {
        Id = $"{symbol.Name}-{TradeId}",
        OrderId = orderId,
        Symbol = symbol,
        Side = side,
        Price = Price,
        Quantity = Quantity,
        Fee = Commission,
        FeeAsset = CommissionAsset,
        IsMaker = IsMaker,
        Time = time,
    };
}
