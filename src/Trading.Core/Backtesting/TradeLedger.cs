using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// What a run needs of its trades while it runs: each closed trade's PnL and holding time, summed into the trade
/// statistics, and each sell's realised PnL. The <see cref="ClosedTrade"/>s themselves (entry price, fee shares: the
/// decimal divisions of the average-cost method) are built by <see cref="TradeRecorder"/> from the fills only when read,
/// which an optimizer trial never does.
/// </summary>
internal sealed class TradeLedger
{
    private readonly List<decimal> _sellPnls = [];
    private TradeMetricsAccumulator _metrics;
    private decimal _quantity;
    private long _openedMs;

    public TradeMetrics Metrics => _metrics.ToMetrics();

    /// <summary>Starts over. The sell list is reused: a result's trades, replayed from it, stay valid until the next run (as its fills).</summary>
    public void Clear()
    {
        _sellPnls.Clear();
        _metrics = default;
        _quantity = 0;
        _openedMs = 0;
    }

    public int Sells => _sellPnls.Count;

    public void OnBuy(Fill fill)
    {
        if (_quantity == 0) _openedMs = fill.Time.ToUnixTimeMilliseconds();
        _quantity += fill.Quantity;
    }

    /// <summary>As <see cref="TradeRecorder.OnSell"/> decides: a sell while something is held closes a trade.</summary>
    public void OnSell(Fill fill, decimal realizedPnl)
    {
        _sellPnls.Add(realizedPnl);
        if (_quantity <= 0) return;
        _metrics.Add(realizedPnl, fill.Time.ToUnixTimeMilliseconds() - _openedMs);
        _quantity -= fill.Quantity;
        if (_quantity <= 0) _quantity = 0;
    }

    /// <summary>The closed trades of <paramref name="fills"/> (this run's, in order), built on first read.</summary>
    public IReadOnlyList<ClosedTrade> Trades(IReadOnlyList<Fill> fills) => new DeferredClosedTrades(fills, _sellPnls);
}
