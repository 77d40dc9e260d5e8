using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>Streams over the open times of a time-ordered series and reports each run of missing candles.</summary>
public sealed class GapDetector(Timeframe timeframe)
{
    private long _previousOpenMs = long.MinValue;

    public Timeframe Timeframe { get; } = timeframe;

    /// <summary>Feeds the next open time; returns the gap before it, if any. Repeated or earlier times are ignored.</summary>
    public CandleGap? Add(long openTimeMs)
    {
        var previous = _previousOpenMs;
        if (openTimeMs <= previous) return null;
        _previousOpenMs = openTimeMs;
        if (previous == long.MinValue) return null;
        var expected = previous + Timeframe.DurationMs;
        return openTimeMs > expected ? new CandleGap(Timeframe, expected, openTimeMs - Timeframe.DurationMs) : null;
    }

    public void Reset() => _previousOpenMs = long.MinValue;

    public static IReadOnlyList<CandleGap> Find(IEnumerable<long> openTimesMs, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(openTimesMs);
        var detector = new GapDetector(timeframe);
        var gaps = new List<CandleGap>();
        foreach (var time in openTimesMs)
            if (detector.Add(time) is { } gap) gaps.Add(gap);
        return gaps;
    }
}
