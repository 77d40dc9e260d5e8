namespace Trading.Core.Model;

/// <summary>A spot holding valued at the latest price; PnL is in the quote asset.</summary>
public sealed record Position
{
    public required Symbol Symbol { get; init; }
    public decimal Quantity { get; init; }
    public decimal AverageEntryPrice { get; init; }
    public decimal CurrentPrice { get; init; }
    public decimal RealizedPnl { get; init; }
    public decimal FeesPaid { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public decimal UnrealizedPnl => Quantity * (CurrentPrice - AverageEntryPrice);

    public decimal MarketValue => Quantity * CurrentPrice;
}
