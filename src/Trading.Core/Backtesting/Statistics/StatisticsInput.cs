namespace Trading.Core.Backtesting.Statistics;

/// <summary>
/// What the statistics are computed from. <see cref="Equity"/> holds the equity at the close of each candle
/// (cash plus position marked at the close), one entry per candle; <see cref="InitialBalance"/> is the equity before
/// the first candle.
/// </summary>
public sealed record StatisticsInput
{
    public required decimal InitialBalance { get; init; }
    public required decimal FinalBalance { get; init; }
    public required ReadOnlyMemory<double> Equity { get; init; }
    public required long CandleIntervalMs { get; init; }
    public required int CandlesInPosition { get; init; }
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }

    /// <summary>The trade figures when the caller summed them already (the engine, as trades close); else taken from <see cref="Trades"/>.</summary>
    public TradeMetrics? TradeMetrics { get; init; }
    public required decimal FeesPaid { get; init; }
    public required decimal FirstOpen { get; init; }
    public required decimal LastClose { get; init; }
}
