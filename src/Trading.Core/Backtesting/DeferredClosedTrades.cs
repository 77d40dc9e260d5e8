using System.Collections;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>A run's closed trades, replayed from its fills and sell PnLs by <see cref="TradeRecorder"/> on first read.</summary>
internal sealed class DeferredClosedTrades(IReadOnlyList<Fill> fills, IReadOnlyList<decimal> sellPnls) : IReadOnlyList<ClosedTrade>
{
    private readonly Lazy<List<ClosedTrade>> _trades = new(() => Replay(fills, sellPnls));

    public int Count => _trades.Value.Count;

    public ClosedTrade this[int index] => _trades.Value[index];

    public IEnumerator<ClosedTrade> GetEnumerator() => _trades.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static List<ClosedTrade> Replay(IReadOnlyList<Fill> fills, IReadOnlyList<decimal> sellPnls)
    {
        var recorder = new TradeRecorder();
        var sell = 0;
        foreach (var fill in fills)
        {
            if (fill.Side == OrderSide.Buy) recorder.OnBuy(fill);
            else recorder.OnSell(fill, sellPnls[sell++]);
        }
        return recorder.Trades;
    }
}
