using Trading.Core.Model;

namespace Trading.Core.Portfolio;

/// <summary>One symbol's mutable holding inside <see cref="PortfolioAccount"/>: quantity, fee-inclusive cost basis and marks.</summary>
internal sealed class PositionBook(Symbol symbol)
{
    public Symbol Symbol { get; } = symbol;
    public string BaseAsset { get; } = symbol.BaseAsset;
    public decimal Quantity { get; set; }

    /// <summary>What the held quantity cost, buy fees included (average-cost method).</summary>
    public decimal CostBasis { get; set; }

    public decimal LastPrice { get; set; }
    public decimal RealizedPnl { get; set; }
    public decimal FeesPaid { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public decimal AverageEntryPrice => Quantity > 0 ? CostBasis / Quantity : 0m;

    public decimal MarketValue => Quantity * LastPrice;

    public Position ToPosition() => new()
    {
        Symbol = Symbol,
        Quantity = Quantity,
        AverageEntryPrice = AverageEntryPrice,
        CurrentPrice = LastPrice,
        RealizedPnl = RealizedPnl,
        FeesPaid = FeesPaid,
        OpenedAt = OpenedAt,
        UpdatedAt = UpdatedAt,
    };
}
