using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// Streams time-ordered candles of one series into a coarser timeframe with Binance's alignment
/// (bucket = target.AlignDown(open time)): open of the first, close of the last, max high, min low,
/// summed volumes and trade counts. A bucket with missing source candles is emitted from what is there,
/// as Binance does around its halts (<see cref="ResampledCandle.IsPartial"/> tells), unless
/// <c>skipPartial</c> is set; a bucket with no source candle is never invented.
/// </summary>
public sealed class CandleResampler
{
    private readonly Timeframe _target;
    private readonly bool _skipPartial;
    private Timeframe? _source;
    private Candle _current;
    private long _bucketMs = long.MinValue;
    private long _lastSourceOpenMs = long.MinValue;
    private int _count;

    public CandleResampler(Timeframe target, bool skipPartial = false)
    {
        _target = target;
        _skipPartial = skipPartial;
    }

    /// <summary>Feeds one source candle; returns the previous bucket when this candle starts a new one.</summary>
    public ResampledCandle? Add(in Candle source)
    {
        CheckSource(source);
        var bucket = _target.AlignDown(source.OpenTimeMs);
        ResampledCandle? closed = null;
        if (bucket != _bucketMs)
        {
            closed = Flush();
            _bucketMs = bucket;
            _count = 1;
            _current = new Candle(source.Symbol, _target, bucket, source.Open, source.High, source.Low, source.Close, source.Volume)
            {
                CloseTimeMs = CloseTimeFor(source),
                QuoteVolume = source.QuoteVolume,
                TradeCount = source.TradeCount,
            };
        }
        else
        {
            _count++;
            _current = _current with
            {
                High = Math.Max(_current.High, source.High),
                Low = Math.Min(_current.Low, source.Low),
                Close = source.Close,
                Volume = _current.Volume + source.Volume,
                CloseTimeMs = CloseTimeFor(source),
                QuoteVolume = _current.QuoteVolume + source.QuoteVolume,
                TradeCount = _current.TradeCount + source.TradeCount,
            };
        }
        _lastSourceOpenMs = source.OpenTimeMs;
        return closed;
    }

    /// <summary>Emits the bucket in progress (call at the end of the input).</summary>
    public ResampledCandle? Flush()
    {
        if (_count == 0) return null;
        var expected = (int)(_target.DurationMs / _source!.Value.DurationMs);
        var result = new ResampledCandle(_current, _count, expected);
        _count = 0;
        return _skipPartial && result.IsPartial ? null : result;
    }

    public static IEnumerable<ResampledCandle> Resample(IEnumerable<Candle> source, Timeframe target, bool skipPartial = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        var resampler = new CandleResampler(target, skipPartial);
        foreach (var candle in source)
            if (resampler.Add(candle) is { } closed) yield return closed;
        if (resampler.Flush() is { } last) yield return last;
    }

    // The bucket closes at its end unless the last source candle was cut short (a halt), as Binance reports it.
    private long CloseTimeFor(in Candle source)
    {
        var fullSourceClose = source.OpenTimeMs + source.Timeframe.DurationMs - 1;
        var bucketClose = _target.AlignDown(source.OpenTimeMs) + _target.DurationMs - 1;
        return source.CloseTimeMs < fullSourceClose ? source.CloseTimeMs : bucketClose;
    }

    private void CheckSource(in Candle source)
    {
        _source ??= source.Timeframe;
        if (source.Timeframe != _source)
            throw new InvalidCandleException($"Cannot resample mixed timeframes {_source} and {source.Timeframe}.");
        if (_target.DurationMs <= source.Timeframe.DurationMs || _target.DurationMs % source.Timeframe.DurationMs != 0)
            throw new ArgumentException($"Cannot resample {source.Timeframe} into {_target}: the target must be a multiple of the source.");
        if (source.OpenTimeMs <= _lastSourceOpenMs)
            throw new InvalidCandleException($"Candle {source.Symbol} {source.Timeframe} at {source.OpenTime:yyyy-MM-dd HH:mm} is out of order.");
    }
}
