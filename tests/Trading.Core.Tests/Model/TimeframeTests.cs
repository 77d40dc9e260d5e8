using Shouldly;
using Trading.Core.Model;

namespace Trading.Core.Tests.Model;

public class TimeframeTests
{
    [Theory]
    [InlineData("1m", 60_000L)]
    [InlineData("3m", 180_000L)]
    [InlineData("1h", 3_600_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("1w", 604_800_000L)]
    public void Parse_KnownName_RoundTripsWithDuration(string name, long ms)
    {
        var timeframe = Timeframe.Parse(name);
        timeframe.DurationMs.ShouldBe(ms);
        timeframe.ToString().ShouldBe(name);
    }

    [Theory]
    [InlineData("2m")]
    [InlineData("1M")]
    [InlineData("")]
    [InlineData("hour")]
    public void Parse_UnknownName_ThrowsWithList(string name)
    {
        var error = Should.Throw<FormatException>(() => Timeframe.Parse(name));
        error.Message.ShouldContain("Unknown timeframe");
        error.Message.ShouldContain("1m 3m 5m");
    }

    [Fact]
    public void AlignDown_Hour_DropsMinutes()
    {
        var t = DateTimeOffset.Parse("2024-03-05T13:47:12Z");
        Timeframe.H1.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2024-03-05T13:00:00Z"));
        Timeframe.H4.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2024-03-05T12:00:00Z"));
        Timeframe.D1.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2024-03-05T00:00:00Z"));
    }

    [Fact]
    public void AlignDown_Week_StartsOnMonday()
    {
        var wednesday = DateTimeOffset.Parse("2024-03-06T10:00:00Z");
        Timeframe.W1.AlignDown(wednesday).ShouldBe(DateTimeOffset.Parse("2024-03-04T00:00:00Z"));
    }

    [Fact]
    public void AlignDown_BeforeEpoch_StillAligns()
    {
        Timeframe.H1.AlignDown(-1).ShouldBe(-3_600_000);
    }

    [Fact]
    public void IsAligned_AnyTimeframeAndTime_AgreesWithAlignDown()
    {
        long[] times = [0, 1, 59_999, 60_000, 1_640_995_200_000, 1_640_995_201_000, 1_704_067_200_000, 1_704_672_000_000, -60_000, -1, -86_400_000 * 3L];
        foreach (var timeframe in Timeframe.Values)
            foreach (var time in times.Concat(times.Select(t => t + timeframe.DurationMs)))
                timeframe.IsAligned(time).ShouldBe(timeframe.AlignDown(time) == time, $"{timeframe} {time}");
    }

    [Fact]
    public void IsAligned_WeekOpensOnMonday_TrueOnlyOnMonday()
    {
        var w1 = Timeframe.W1;
        w1.IsAligned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()).ShouldBeTrue(); // a Monday
        w1.IsAligned(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()).ShouldBeFalse(); // a Thursday
        w1.IsAligned(0).ShouldBeFalse(); // 1970-01-01 was a Thursday
    }
}
