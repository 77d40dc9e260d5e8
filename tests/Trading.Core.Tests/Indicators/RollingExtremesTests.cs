using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class RollingExtremesTests
{
    [Fact]
    public void Add_RealBars_MatchesWindowScan()
    {
        var bars = BtcBars.HaltDayMinutes;
        foreach (var period in new[] { 1, 3, 20 })
        {
            var extremes = new RollingExtremes(period);
            for (var i = 0; i < bars.Length; i++)
            {
                extremes.Add(bars[i].High, bars[i].Low);
                var from = Math.Max(0, i - period + 1);
                var window = bars.AsSpan(from, i - from + 1).ToArray();
                extremes.Highest.ShouldBe(window.Max(b => b.High));
                extremes.Lowest.ShouldBe(window.Min(b => b.Low));
            }
        }
    }

    [Fact]
    public void Add_DecreasingThenIncreasing_EvictsExpiredExtremes()
    {
        var extremes = new RollingExtremes(3);
        double[] highs = [9, 8, 7, 6, 7, 8, 9];
        double[] expectedHighest = [9, 9, 9, 8, 7, 8, 9];
        for (var i = 0; i < highs.Length; i++)
        {
            extremes.Add(highs[i], highs[i] - 1);
            extremes.Highest.ShouldBe(expectedHighest[i], $"bar {i}");
        }
        extremes.Lowest.ShouldBe(6.0); // last window highs 7, 8, 9 → lows 6, 7, 8
    }
}
