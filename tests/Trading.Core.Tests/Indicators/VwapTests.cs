using Shouldly;
using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class VwapTests
{
    private const long Day1At22 = 1_704_146_400_000; // 2024-01-01 22:00 UTC
    private const long Hour = 3_600_000;

    // typical prices 10, 12 | 20, 22 with volumes 2, 1 | 4, 0; the third bar opens at 00:00 UTC on the next day
    private static readonly PriceBar[] AcrossMidnight =
    [
        Bar(11, 9, 10, 2, Day1At22), Bar(13, 11, 12, 1, Day1At22 + Hour),
        Bar(21, 19, 20, 4, Day1At22 + (2 * Hour)), Bar(24, 21, 21, 0, Day1At22 + (3 * Hour)),
    ];

    [Fact]
    public void Session_AcrossUtcMidnight_Restarts()
    {
        // day 1: 10, then (2·10 + 1·12)/3 = 32/3; day 2: 20, then (4·20 + 0·22)/4 = 20
        Expect.SeriesNear(Run(Vwap.Session(), AcrossMidnight), [10, 32.0 / 3, 20, 20]);
    }

    [Fact]
    public void Rolling_TwoBars_IgnoresSessions()
    {
        // (20 + 12)/3 = 32/3; (12 + 80)/5 = 92/5; (80 + 0)/4 = 20
        Expect.SeriesNear(Run(Vwap.Rolling(2), AcrossMidnight), [double.NaN, 32.0 / 3, 92.0 / 5, 20]);
    }

    [Fact]
    public void Rolling_ZeroVolumeWindow_IsLatestTypicalPrice()
    {
        var output = Run(Vwap.Rolling(2), Bar(11, 9, 10, 5), Bar(12, 12, 12, 0), Bar(13, 13, 13, 0));
        output[2].ShouldBe(13.0);
    }

    [Fact]
    public void Rolling_ZeroPeriod_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => Vwap.Rolling(0));

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(100)]
    public void Update_HaltDayMinutesAndHourly_MatchReference(int period)
    {
        foreach (var bars in new[] { BtcBars.HaltDayMinutes, BtcBars.Hourly })
        {
            var vwap = period == 0 ? Vwap.Session() : Vwap.Rolling(period);
            Expect.SeriesNear(Run(vwap, bars), Reference(bars, period), $"vwap{period}");
        }
    }

    /// <summary>Direct sums over the window (period &gt; 0) or over the bars of the same UTC day so far (period 0).</summary>
    private static double[] Reference(PriceBar[] b, int period)
    {
        var output = Expect.NaNs(b.Length);
        for (var i = 0; i < b.Length; i++)
        {
            if (period > 0 && i < period - 1) continue;
            var day = DateTimeOffset.FromUnixTimeMilliseconds(b[i].TimeMs).UtcDateTime.Date;
            double pv = 0, v = 0;
            for (var j = i; j >= 0; j--)
            {
                if (period > 0 ? j <= i - period : DateTimeOffset.FromUnixTimeMilliseconds(b[j].TimeMs).UtcDateTime.Date != day) break;
                var typical = (b[j].High + b[j].Low + b[j].Close) / 3;
                pv += typical * b[j].Volume;
                v += b[j].Volume;
            }
            output[i] = v > 0 ? pv / v : (b[i].High + b[i].Low + b[i].Close) / 3;
        }
        return output;
    }
}
