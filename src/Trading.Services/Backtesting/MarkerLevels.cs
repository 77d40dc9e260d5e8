using Trading.Core.Backtesting.Reports;

namespace Trading.Services.Backtesting;

/// <summary>
/// The report's fill markers at every zoom: level k merges the markers of each run of 2^k chart buckets, per side, into
/// one (counts and quantities summed, price volume-weighted, placed on the group's first marker). The page shows the level
/// that leaves about one marker per few pixels, so a year of fills does not bury the candles when zoomed out.
/// </summary>
public static class MarkerLevels
{
    public const int MaxLevels = 16;

    /// <summary>Level 0 is <paramref name="markers"/>; each next level halves the resolution, until a level has at most one marker per side.</summary>
    public static IReadOnlyList<IReadOnlyList<ChartMarker>> Build(IReadOnlyList<ChartPoint> points, IReadOnlyList<ChartMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(markers);
        var bucketIndex = new Dictionary<long, int>(points.Count);
        for (var i = 0; i < points.Count; i++) bucketIndex[points[i].TimeMs] = i;
        var levels = new List<IReadOnlyList<ChartMarker>> { markers };
        for (var level = 1; level < MaxLevels && levels[^1].Count > 2; level++)
            levels.Add(Merge(markers, bucketIndex, 1 << level));
        return levels;
    }

    public static IReadOnlyList<ChartMarker> Merge(IReadOnlyList<ChartMarker> markers, IReadOnlyDictionary<long, int> bucketIndex, int bucketsPerGroup) =>
        [.. markers
            .GroupBy(m => (Group: bucketIndex.GetValueOrDefault(m.TimeMs) / bucketsPerGroup, m.Side))
            .Select(g =>
            {
                var quantity = g.Sum(m => m.Quantity);
                var price = quantity > 0 ? g.Sum(m => m.Price * m.Quantity) / quantity : g.First().Price;
                return new ChartMarker(g.Min(m => m.TimeMs), g.Key.Side, price, quantity, g.Sum(m => m.Count));
            })
            .OrderBy(m => m.TimeMs)
            .ThenBy(m => m.Side)];
}
