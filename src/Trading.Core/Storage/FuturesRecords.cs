using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>
/// A USDⓈ-M bot's order: one per signal, its id the client order id derived from the signal, so it is never sent twice.
/// <see cref="Status"/> follows the spot order states (Submitted before the send, New while it rests, Filled, Expired, Failed).
/// </summary>
public sealed record FuturesOrderRecord
{
    public required string Id { get; init; }
    public string? SignalId { get; init; }
    public string? BotId { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public PositionSide PositionSide { get; init; } = PositionSide.Both;
    public bool ReduceOnly { get; init; }
    public OrderType Type { get; init; } = OrderType.Market;
    public required decimal Quantity { get; init; }
    public required int Leverage { get; init; }
    public required OrderStatus Status { get; init; }
    public decimal FilledQuantity { get; init; }
    public decimal AveragePrice { get; init; }
    public string? ExchangeOrderId { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// One futures fill (or a liquidation, <see cref="Liquidation"/>): <see cref="RealizedPnl"/> is the PnL before fees of a reducing
/// fill, the lost margin of a liquidation, 0 for an opening fill.
/// </summary>
public sealed record FuturesFillRecord
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    public string? BotId { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public PositionSide PositionSide { get; init; } = PositionSide.Both;
    public required decimal Price { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal Fee { get; init; }
    public decimal RealizedPnl { get; init; }
    public bool ReduceOnly { get; init; }
    public bool Liquidation { get; init; }
    public required int Leverage { get; init; }
    public required DateTimeOffset Time { get; init; }
}

/// <summary>An open isolated position as last booked: side LONG or SHORT, margin, liquidation price and the funding booked to it.</summary>
public sealed record FuturesPositionRecord
{
    public required Symbol Symbol { get; init; }
    public PositionSide PositionSide { get; init; } = PositionSide.Both;
    public required int Direction { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal EntryPrice { get; init; }
    public required int Leverage { get; init; }
    public required decimal IsolatedMargin { get; init; }
    public required decimal MarkPrice { get; init; }
    public required decimal LiquidationPrice { get; init; }
    public required decimal UnrealizedPnl { get; init; }
    public required decimal Funding { get; init; }
    public string? BotId { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public string SideName => Direction > 0 ? "LONG" : "SHORT";
}

/// <summary>
/// What one step of a futures bot booked, stored in one transaction: order snapshots, new fills and funding payments, the
/// positions of <see cref="Symbols"/> (replacing what was stored for them; none stored is flat) and the USDT wallet balance.
/// </summary>
public sealed record FuturesBooking
{
    public IReadOnlyList<FuturesOrderRecord> Orders { get; init; } = [];
    public IReadOnlyList<FuturesFillRecord> Fills { get; init; } = [];
    public IReadOnlyList<FundingRecord> Funding { get; init; } = [];
    public IReadOnlyList<Symbol> Symbols { get; init; } = [];
    public IReadOnlyList<FuturesPositionRecord> Positions { get; init; } = [];
    public decimal? WalletBalance { get; init; }
    public DateTimeOffset Time { get; init; }
}

/// <summary>One funding settlement of a bot's position: <see cref="Amount"/> negative when paid.</summary>
public sealed record FundingRecord(Symbol Symbol, PositionSide PositionSide, int Direction, DateTimeOffset Time, decimal Quantity, decimal MarkPrice,
    decimal Rate, decimal Amount, string? BotId = null);
