using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>
/// One symbol/timeframe of the simulated market. Bars before <see cref="Cursor"/> have closed and are served by REST;
/// the replayer streams the rest and moves the cursor as each bar closes.
/// </summary>
public sealed class SimulatedSeries
{
    private readonly Candle[] _candles;
    private int _cursor;

    public SimulatedSeries(Symbol symbol, Timeframe timeframe, IEnumerable<Candle> candles, long? replayFromMs)
    {
        Symbol = symbol;
        Timeframe = timeframe;
        _candles = candles.OrderBy(c => c.OpenTimeMs).ToArray();
        for (var i = 1; i < _candles.Length; i++)
        {
            if (_candles[i].OpenTimeMs == _candles[i - 1].OpenTimeMs)
                throw new ArgumentException($"Duplicate candle {symbol} {timeframe} at {_candles[i].OpenTime:u}.", nameof(candles));
        }
        _cursor = replayFromMs is { } from ? LowerBound(from) : _candles.Length;
        ReplayStartIndex = _cursor;
    }

    public Symbol Symbol { get; }

    public Timeframe Timeframe { get; }

    public string StreamName => Streams.KlineStreamNames.For(Symbol, Timeframe);

    public IReadOnlyList<Candle> Candles => _candles;

    public int ReplayStartIndex { get; }

    /// <summary>How many bars have closed so far.</summary>
    public int Cursor => Volatile.Read(ref _cursor);

    public bool IsFinished => Cursor >= _candles.Length;

    public IReadOnlyList<Candle> ClosedCandles => new ArraySegment<Candle>(_candles, 0, Cursor);

    internal void Advance(int bars) => Volatile.Write(ref _cursor, Math.Min(_candles.Length, Cursor + bars));

    /// <summary>Binance's klines query over closed bars: open time within [start, end], up to limit rows.</summary>
    public ArraySegment<Candle> Query(long? startMs, long? endMs, int limit)
    {
        var closed = Cursor;
        var last = endMs is { } end ? Math.Min(closed, UpperBound(end)) : closed;
        if (startMs is { } start)
        {
            var first = LowerBound(start);
            return first >= last ? ArraySegment<Candle>.Empty : new ArraySegment<Candle>(_candles, first, Math.Min(limit, last - first));
        }
        var from = Math.Max(0, last - limit);
        return new ArraySegment<Candle>(_candles, from, last - from);
    }

    /// <summary>The index of the first bar opening at or after <paramref name="timeMs"/>.</summary>
    internal int LowerBound(long timeMs)
    {
        int lo = 0, hi = _candles.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_candles[mid].OpenTimeMs < timeMs) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int UpperBound(long timeMs) => LowerBound(timeMs == long.MaxValue ? timeMs : timeMs + 1);
}
