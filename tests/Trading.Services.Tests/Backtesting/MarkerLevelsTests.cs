using Shouldly;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Model;
using Trading.Services.Backtesting;

namespace Trading.Services.Tests.Backtesting;

public class MarkerLevelsTests
{
    private static readonly ChartPoint[] Points =
        [.. Enumerable.Range(0, 1000).Select(i => new ChartPoint(i * 60_000L, 1, 1, 1, 1, 1, 0))];

    /// <summary>A buy in every bucket and a sell in every third one, at prices that differ per bucket.</summary>
    private static readonly ChartMarker[] Markers =
    [
        .. Points.SelectMany((p, i) => i % 3 == 0
            ? new[] { new ChartMarker(p.TimeMs, OrderSide.Buy, 100 + i, 1), new ChartMarker(p.TimeMs, OrderSide.Sell, 200 + i, 2, 2) }
            : [new ChartMarker(p.TimeMs, OrderSide.Buy, 100 + i, 1)]),
    ];

    [Fact]
    public void Build_ManyMarkers_EachLevelHasAtMostOnePerSidePerGroupAndKeepsEveryFill()
    {
        var levels = MarkerLevels.Build(Points, Markers);

        levels[0].ShouldBe(Markers);
        for (var k = 0; k < levels.Count; k++)
        {
            var groupMs = (1L << k) * 60_000;
            levels[k].GroupBy(m => (m.TimeMs / groupMs, m.Side)).ShouldAllBe(g => g.Count() == 1);
            levels[k].Sum(m => m.Count).ShouldBe(Markers.Sum(m => m.Count));
            levels[k].Sum(m => m.Quantity).ShouldBe(Markers.Sum(m => m.Quantity));
        }
        levels.Count.ShouldBe(11); // 1000 buckets: level 10 groups 1024 of them, one marker per side
        levels[^1].Count.ShouldBe(2);
    }

    [Fact]
    public void Merge_TwoBuckets_VolumeWeightedPriceAtTheFirstMarker()
    {
        var index = new Dictionary<long, int> { [0] = 0, [60_000] = 1 };
        ChartMarker[] markers = [new(0, OrderSide.Buy, 100m, 1m), new(60_000, OrderSide.Buy, 130m, 2m, 3)];

        var merged = MarkerLevels.Merge(markers, index, 2).ShouldHaveSingleItem();

        merged.ShouldBe(new ChartMarker(0, OrderSide.Buy, 120m, 3m, 4));
    }
}
