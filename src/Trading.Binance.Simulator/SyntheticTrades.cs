using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>One public trade the simulator reports, synthesized from a replayed bar.</summary>
public readonly record struct SyntheticTrade(long Id, decimal Price, decimal Quantity, long TimeMs, bool IsBuyerMaker)
{
    public decimal QuoteQuantity => Math.Round(Price * Quantity, 8);
}

/// <summary>
/// The public trades of a symbol, synthesized deterministically from the closed bars of its finest series (there is no
/// order flow to replay): each bar with volume trades <see cref="TradesPerBar"/> times along open, the nearer extreme,
/// the other extreme and close, a quarter of the bar's volume each, a quarter of the bar apart. Trade ids are
/// bar index × 4 + k, so they are stable across restarts. An uptick is a taker buy (<c>isBuyerMaker</c> false).
/// The simulator's own fills are not among them.
/// </summary>
public sealed class SyntheticTrades(SimulatedSeries series)
{
    public const int TradesPerBar = 4;

    public SimulatedSeries Series { get; } = series;

    /// <summary>The trades of bar <paramref name="index"/> (none when it traded no volume).</summary>
    public IReadOnlyList<SyntheticTrade> ForBar(int index)
    {
        var bar = Series.Candles[index];
        if (bar.Volume <= 0) return [];
        var previousClose = index > 0 ? Series.Candles[index - 1].Close : bar.Open;
        var upFirst = bar.Close < bar.Open;
        decimal[] path = [bar.Open, upFirst ? bar.High : bar.Low, upFirst ? bar.Low : bar.High, bar.Close];
        var share = Math.Round(bar.Volume / TradesPerBar, 8, MidpointRounding.ToZero);
        var trades = new SyntheticTrade[TradesPerBar];
        var step = bar.Timeframe.DurationMs / TradesPerBar;
        var before = previousClose;
        for (var k = 0; k < TradesPerBar; k++)
        {
            var quantity = k < TradesPerBar - 1 ? share : bar.Volume - share * (TradesPerBar - 1);
            trades[k] = new SyntheticTrade((long)index * TradesPerBar + k, path[k], quantity, bar.OpenTimeMs + k * step, path[k] < before);
            before = path[k];
        }
        return trades.Where(t => t.Quantity > 0).ToList();
    }

    /// <summary>
    /// A kline's taker-buy base and quote volume: the taker buys (<c>isBuyerMaker</c> false) among the trades of the closed
    /// bars of this series inside <paramref name="kline"/>'s span, so every interval agrees with the trade streams and a
    /// kline still forming never shows a later bar. A kline without volume (a bar just opened) has none.
    /// </summary>
    public (decimal Base, decimal Quote) TakerBuyVolume(Candle kline)
    {
        if (kline.Volume <= 0) return (0m, 0m);
        decimal quantity = 0m, quote = 0m;
        for (var index = Series.LowerBound(kline.OpenTimeMs); index < Series.Cursor && Series.Candles[index].OpenTimeMs <= kline.CloseTimeMs; index++)
        {
            foreach (var trade in ForBar(index).Where(t => !t.IsBuyerMaker))
            {
                quantity += trade.Quantity;
                quote += trade.QuoteQuantity;
            }
        }
        return (quantity, quote);
    }

    /// <summary>The most recent <paramref name="limit"/> trades of the closed bars, oldest first.</summary>
    public IReadOnlyList<SyntheticTrade> Recent(int limit)
    {
        var result = new List<SyntheticTrade>();
        for (var index = Series.Cursor - 1; index >= 0 && result.Count < limit; index--)
            result.InsertRange(0, ForBar(index));
        return result.Count > limit ? result[^limit..] : result;
    }

    /// <summary>Up to <paramref name="limit"/> trades with id ≥ <paramref name="fromId"/>.</summary>
    public IReadOnlyList<SyntheticTrade> FromId(long fromId, int limit) =>
        Collect(Math.Max(0, (int)Math.Min(int.MaxValue, fromId / TradesPerBar)), t => t.Id >= fromId, null, limit);

    /// <summary>Up to <paramref name="limit"/> trades with time in [<paramref name="startMs"/>, <paramref name="endMs"/>].</summary>
    public IReadOnlyList<SyntheticTrade> Between(long startMs, long endMs, int limit) =>
        Collect(Math.Max(0, Series.LowerBound(startMs - Series.Timeframe.DurationMs + 1)), t => t.TimeMs >= startMs, endMs, limit);

    private List<SyntheticTrade> Collect(int firstBar, Func<SyntheticTrade, bool> from, long? endMs, int limit)
    {
        var result = new List<SyntheticTrade>();
        for (var index = firstBar; index < Series.Cursor && result.Count < limit; index++)
        {
            foreach (var trade in ForBar(index))
            {
                if (endMs is { } end && trade.TimeMs > end) return result;
                if (from(trade) && result.Count < limit) result.Add(trade);
            }
        }
        return result;
    }

    /// <summary>The series trades come from: the symbol's finest loaded timeframe.</summary>
    public static SyntheticTrades? For(SimulatedMarket market, Symbol symbol) =>
        market.Series.Where(s => s.Symbol == symbol).MinBy(s => s.Timeframe.DurationMs) is { } finest ? new SyntheticTrades(finest) : null;
}
