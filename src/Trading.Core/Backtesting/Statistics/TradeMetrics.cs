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
        if (trades.Count == 0) return new TradeMetrics(0, 0, null, 0, 0, 0, 0, 0);
        int wins = 0, losses = 0;
        decimal grossProfit = 0, grossLoss = 0, largestWin = 0, largestLoss = 0;
        long holding = 0;
        foreach (var trade in trades)
        {
            holding += trade.HoldingMs;
            if (trade.Pnl > 0)
            {
                wins++;
                grossProfit += trade.Pnl;
                largestWin = Math.Max(largestWin, trade.Pnl);
            }
            else if (trade.Pnl < 0)
            {
                losses++;
                grossLoss += trade.Pnl;
                largestLoss = Math.Min(largestLoss, trade.Pnl);
            }
        }
        return new TradeMetrics(
            trades.Count,
            (double)wins / trades.Count,
            grossLoss < 0 ? (double)(grossProfit / -grossLoss) : null,
            wins > 0 ? grossProfit / wins : 0,
            losses > 0 ? grossLoss / losses : 0,
            largestWin,
            largestLoss,
            holding / trades.Count);
    }
}
