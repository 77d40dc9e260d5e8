namespace Trading.Core.Backtesting.Statistics;

/// <summary>Sums closed trades one at a time, in closing order, into <see cref="TradeMetrics"/>.</summary>
public struct TradeMetricsAccumulator
{
    private int _trades;
    private int _wins;
    private int _losses;
    private decimal _grossProfit;
    private decimal _grossLoss;
    private decimal _largestWin;
    private decimal _largestLoss;
    private long _holdingMs;

    public void Add(decimal pnl, long holdingMs)
    {
        _trades++;
        _holdingMs += holdingMs;
        if (pnl > 0)
        {
            _wins++;
            _grossProfit += pnl;
            _largestWin = Math.Max(_largestWin, pnl);
        }
        else if (pnl < 0)
        {
            _losses++;
            _grossLoss += pnl;
            _largestLoss = Math.Min(_largestLoss, pnl);
        }
    }

    public readonly TradeMetrics ToMetrics() => _trades == 0
        ? new TradeMetrics(0, 0, null, 0, 0, 0, 0, 0)
        : new TradeMetrics(
            _trades,
            (double)_wins / _trades,
            _grossLoss < 0 ? (double)(_grossProfit / -_grossLoss) : null,
            _wins > 0 ? _grossProfit / _wins : 0,
            _losses > 0 ? _grossLoss / _losses : 0,
            _largestWin,
            _largestLoss,
            _holdingMs / _trades);
}
