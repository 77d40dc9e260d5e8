using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// Builds candles of any timeframe from a time-ordered trade stream (push API). Buckets are [open, open + duration)
/// keyed by open time, as Binance does. A candle is emitted once a trade (or <see cref="AdvanceTo"/>) passes its end.
/// Buckets without trades are skipped unless <c>fillEmptyBuckets</c> asks for flat zero-volume candles at the
/// previous close. Trades older than the open bucket are counted in <see cref="LateTrades"/> and dropped.
/// </summary>
public sealed class TradeCandleAggregator(Symbol symbol, Timeframe timeframe, Action<Candle> onClosed, bool fillEmptyBuckets = false)
{
    private Candle _current;
    private bool _open;
    private long _lastClosedOpenMs = long.MinValue;

    public long LateTrades { get; private set; }

    /// <summary>The still-open candle, if any trade has arrived in it.</summary>
    public Candle? Current => _open ? _current : null;

    public void Add(in TradeTick trade) => Add(trade.Price, trade.Quantity, trade.TimeMs, trade.TradeCount);

    public void Add(decimal price, decimal quantity, long timeMs, int tradeCount = 1)
    {
        if (price <= 0) throw new ArgumentOutOfRangeException(nameof(price), price, "Trade price must be positive.");
        if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Trade quantity must not be negative.");
        var bucket = timeframe.AlignDown(timeMs);
        if (_open && bucket < _current.OpenTimeMs || !_open && bucket <= _lastClosedOpenMs)
        {
            LateTrades++;
            return;
        }
        if (_open && bucket > _current.OpenTimeMs) AdvanceTo(bucket);
        if (!_open)
        {
            _current = new Candle(symbol, timeframe, bucket, price, price, price, price, quantity)
            {
                QuoteVolume = price * quantity,
                TradeCount = tradeCount,
            };
            _open = true;
            return;
        }
        _current = _current with
        {
            High = Math.Max(_current.High, price),
            Low = Math.Min(_current.Low, price),
            Close = price,
            Volume = _current.Volume + quantity,
            QuoteVolume = _current.QuoteVolume + price * quantity,
            TradeCount = _current.TradeCount + tradeCount,
        };
    }

    /// <summary>Closes every bucket that ends at or before <paramref name="timeMs"/> (a clock tick with no trades).</summary>
    public void AdvanceTo(long timeMs)
    {
        if (!_open || timeMs < _current.OpenTimeMs + timeframe.DurationMs) return;
        var last = _current;
        Emit(last);
        if (!fillEmptyBuckets) return;
        for (var open = last.OpenTimeMs + timeframe.DurationMs; open + timeframe.DurationMs <= timeMs; open += timeframe.DurationMs)
            Emit(new Candle(symbol, timeframe, open, last.Close, last.Close, last.Close, last.Close, 0m) { QuoteVolume = 0m, TradeCount = 0 });
    }

    /// <summary>Emits the open candle (end of input).</summary>
    public void Flush()
    {
        if (_open) Emit(_current);
    }

    public static IReadOnlyList<Candle> Aggregate(IEnumerable<TradeTick> trades, Symbol symbol, Timeframe timeframe, bool fillEmptyBuckets = false)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var candles = new List<Candle>();
        var aggregator = new TradeCandleAggregator(symbol, timeframe, candles.Add, fillEmptyBuckets);
        foreach (var trade in trades) aggregator.Add(trade);
        aggregator.Flush();
        return candles;
    }

    private void Emit(in Candle candle)
    {
        _open = false;
        _lastClosedOpenMs = candle.OpenTimeMs;
        candle.Validate();
        onClosed(candle);
    }
}
