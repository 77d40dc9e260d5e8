using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class GapDetectorTests
{
    [Fact]
    public void Find_SharedHaltDay_Lists80MissingMinutesFrom1240()
    {
        var day = new DateOnly(2023, 3, 24);
        var gaps = GapDetector.Find(SharedKlines.Read(Timeframe.M1, day, day).Select(c => c.OpenTimeMs), Timeframe.M1);

        var gap = gaps.ShouldHaveSingleItem();
        gap.FirstMissing.ShouldBe(new DateTimeOffset(2023, 3, 24, 12, 40, 0, TimeSpan.Zero));
        gap.LastMissing.ShouldBe(new DateTimeOffset(2023, 3, 24, 13, 59, 0, TimeSpan.Zero));
        gap.MissingCount.ShouldBe(80);
        gap.ToString().ShouldBe("2023-03-24 12:40 to 2023-03-24 13:59 (80 missing 1m candles)");
    }

    [Fact]
    public void Find_Shared1hHaltDay_ListsThe1300Hour()
    {
        var day = new DateOnly(2023, 3, 24);
        var gap = GapDetector.Find(SharedKlines.Read(Timeframe.H1, day, day).Select(c => c.OpenTimeMs), Timeframe.H1).ShouldHaveSingleItem();
        (gap.FirstMissing, gap.MissingCount).ShouldBe((new DateTimeOffset(2023, 3, 24, 13, 0, 0, TimeSpan.Zero), 1L));
    }

    [Fact]
    public void Add_ContiguousAndRepeatedTimes_ReportsNoGap()
    {
        var detector = new GapDetector(Timeframe.M5);
        new long[] { 0, 300_000, 300_000, 600_000 }.Select(t => detector.Add(t)).ShouldAllBe(g => g == null);
    }
}
