using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class AtrTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // TR: b1 max(2, |9-11|, |9-9|) = 2; b2 max(2, |10.5-12|, |10.5-10|) = 2; b3 max(2.5, |11-11.5|, |11-9|) = 2.5
        // ATR(3) first = (2+2+2.5)/3 = 6.5/3; b4 TR = max(3.8, |9.5-13|, |9.5-9.2|) = 3.8 → (6.5/3·2 + 3.8)/3
        var output = Run(new Atr(3), Bar(10, 8, 9), Bar(11, 9, 10.5), Bar(12, 10, 11), Bar(11.5, 9, 9.5), Bar(13, 9.2, 12.5));
        Expect.SeriesNear(output, [double.NaN, double.NaN, double.NaN, 6.5 / 3, ((6.5 / 3 * 2) + 3.8) / 3]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(50)]
    public void Update_RealBars_MatchesWilderOfTrueRange(int period)
    {
        var bars = BtcBars.Hourly;
        Expect.SeriesNear(Run(new Atr(period), bars), Wilder(TrueRanges(bars), 1, period), $"atr{period}");
    }
}
