namespace Trading.Core.Model;

/// <summary>The portfolio's value at one moment, as stored in portfolio_snapshots.</summary>
public sealed record PortfolioSnapshot
{
    public required DateTimeOffset Time { get; init; }
    public required decimal Equity { get; init; }
    public decimal Cash { get; init; }
    public decimal PositionsValue { get; init; }
    public decimal RealizedPnl { get; init; }
    public decimal UnrealizedPnl { get; init; }
    public decimal DailyPnl { get; init; }
    public decimal Drawdown { get; init; }
    public string? BotId { get; init; }
}
