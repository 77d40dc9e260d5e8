using Trading.Core.Backtesting.Statistics;
using Trading.Core.Futures;

namespace Trading.Core.Backtesting;

/// <summary>
/// A futures backtest's closed trades and funding payments, kept by the engine for all its runs (as its fills) so a
/// warmed-up run allocates nothing per trade: a result's lists stay valid until the engine's next run.
/// </summary>
internal sealed class FuturesLedger
{
    private TradeMetricsAccumulator _metrics;

    public List<ClosedTrade> Closed { get; } = [];
    public List<FuturesTrade> Trades { get; } = [];
    public List<FundingPayment> Payments { get; } = [];
    public TradeMetrics Metrics => _metrics.ToMetrics();

    public void Clear()
    {
        Closed.Clear();
        Trades.Clear();
        Payments.Clear();
        _metrics = default;
    }

    public void Add(in FuturesTrade trade)
    {
        Closed.Add(trade.Trade);
        Trades.Add(trade);
        _metrics.Add(trade.Trade.Pnl, trade.Trade.HoldingMs);
    }
}
