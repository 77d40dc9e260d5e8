namespace Trading.Core.Backtesting;

/// <summary>
/// One exit from a position: a sell fill matched against the average-cost entry. <see cref="Pnl"/> is net of the
/// sell's fee and of the share of the entry fees that belongs to the quantity sold.
/// </summary>
public readonly record struct ClosedTrade(
    long EntryTimeMs,
    long ExitTimeMs,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal Pnl,
    decimal Fees)
{
    public long HoldingMs => ExitTimeMs - EntryTimeMs;
}
