using Trading.Core.Model;

namespace Trading.Core.Backtesting.Reports;

/// <summary>
/// The price, equity and drawdown series of a report, cut to at most <c>maxPoints</c> buckets of whole candles so a
/// year of 1m candles still gives a small file. A bucket's drawdown is the deepest one of its candles, measured
/// against the running peak of the full-resolution equity. Fills of one side in one bucket share one marker.
/// </summary>
public sealed record ChartSeries(long BucketMs, IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartMarker> Markers)
{
    public const int DefaultMaxPoints = 4_000;

    public static ChartSeries Build(
        ReadOnlySpan<Candle> candles, ReadOnlySpan<double> equity, double initialBalance, IEnumerable<Fill> fills, int maxPoints = DefaultMaxPoints)
    {
        if (candles.Length != equity.Length) throw new ArgumentException("Every candle needs its equity value.", nameof(equity));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (candles.Length == 0) return new ChartSeries(0, [], []);
        var perBucket = (candles.Length + maxPoints - 1) / maxPoints;
        var points = new List<ChartPoint>(Math.Min(candles.Length, maxPoints));
        var peak = initialBalance;
        for (var start = 0; start < candles.Length; start += perBucket)
        {
            var end = Math.Min(start + perBucket, candles.Length);
            double high = double.MinValue, low = double.MaxValue, drawdown = 0;
            for (var i = start; i < end; i++)
            {
                high = Math.Max(high, (double)candles[i].High);
                low = Math.Min(low, (double)candles[i].Low);
                peak = Math.Max(peak, equity[i]);
                drawdown = Math.Min(drawdown, equity[i] / peak - 1);
            }
            points.Add(new ChartPoint(candles[start].OpenTimeMs, (double)candles[start].Open, high, low, (double)candles[end - 1].Close, equity[end - 1], drawdown));
        }
        var bucketMs = candles[0].Timeframe.DurationMs * perBucket;
        var markers = fills
            .GroupBy(f => (Bucket: BucketOf(points, f.Time.ToUnixTimeMilliseconds()), f.Side))
            .Select(g => new ChartMarker(g.Key.Bucket, g.Key.Side, g.Sum(f => f.Notional) / g.Sum(f => f.Quantity), g.Sum(f => f.Quantity), g.Count()))
            .OrderBy(m => m.TimeMs)
            .ThenBy(m => m.Side)
            .ToArray();
        return new ChartSeries(bucketMs, points, markers);
    }

    private static long BucketOf(List<ChartPoint> points, long timeMs)
    {
        var lo = 0;
        var hi = points.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (points[mid].TimeMs <= timeMs) lo = mid;
            else hi = mid - 1;
        }
        return points[lo].TimeMs;
    }
}
