namespace Trading.Core.Backtesting;

/// <summary>
/// One strategy's part of a portfolio backtest: its signals and orders, its round trips, its PnL net of fees (realised, and
/// unrealised at the last close), what it holds at the end, and how often the allocator cut or denied its entries.
/// </summary>
public sealed record StrategyFigures
{
    public required string Strategy { get; init; }
    public required int Signals { get; init; }
    public required int Orders { get; init; }
    public required int Trades { get; init; }
    public required int Wins { get; init; }
    public required decimal RealizedPnl { get; init; }
    public required decimal UnrealizedPnl { get; init; }
    public required decimal FeesPaid { get; init; }
    public required decimal FinalQuantity { get; init; }

    /// <summary>Entries the allocator granted less than asked (its budget or the heat cap).</summary>
    public required int Reduced { get; init; }

    /// <summary>Entries the allocator denied: nothing left of the budget or under the heat cap.</summary>
    public required int Denied { get; init; }

    public decimal NetPnl => RealizedPnl + UnrealizedPnl;

    public double WinRate => Trades == 0 ? 0 : (double)Wins / Trades;
}
