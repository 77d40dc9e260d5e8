namespace Trading.Core.Backtesting.Statistics;

/// <summary>
/// Figures over closed trades. A win has Pnl &gt; 0, a loss Pnl &lt; 0 (a trade at exactly 0 counts in neither
/// average but does count in the trade total). Win rate = wins / trades. Profit factor = Σ wins / |Σ losses|.
/// </summary>
public readonly record struct TradeMetrics(
    int Trades,
    double WinRate,
    double? ProfitFactor,
    decimal AverageWin,
    decimal AverageLoss,
    decimal LargestWin,
    decimal LargestLoss,
    long AverageHoldingMs)
{
    public static TradeMetrics From(IReadOnlyList<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var sums = new TradeMetricsAccumulator();
        foreach (var trade in trades) sums.Add(trade.Pnl, trade.HoldingMs);
        return sums.ToMetrics();
    }
}
