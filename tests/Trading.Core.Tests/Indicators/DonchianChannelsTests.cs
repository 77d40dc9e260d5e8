using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class DonchianChannelsTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // period 3: b2 highs 10,11,12 lows 8,9,10 → 12/8/10; b3 → 14/9/11.5; b4 highs 12,14,13 lows 10,12,10 → 14/10/12
        var donchian = new DonchianChannels(3);
        PriceBar[] bars = [Bar(10, 8, 9), Bar(11, 9, 10), Bar(12, 10, 11), Bar(14, 12, 13.5), Bar(13, 10, 10.2)];
        Expect.SeriesNear(Run(donchian, bars), [double.NaN, double.NaN, 10, 11.5, 12]);
        Expect.SeriesNear(new DonchianChannels(3).RunSelect(bars, d => d.Upper), [double.NaN, double.NaN, 12, 14, 14]);
        Expect.SeriesNear(new DonchianChannels(3).RunSelect(bars, d => d.Lower), [double.NaN, double.NaN, 8, 9, 10]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(55)]
    public void Update_RealBars_MatchesWindowScan(int period)
    {
        var bars = BtcBars.Hourly;
        var upper = Expect.NaNs(bars.Length);
        var lower = Expect.NaNs(bars.Length);
        for (var i = period - 1; i < bars.Length; i++)
        {
            upper[i] = bars.Skip(i - period + 1).Take(period).Max(b => b.High);
            lower[i] = bars.Skip(i - period + 1).Take(period).Min(b => b.Low);
        }
        var middle = upper.Select((u, i) => (u + lower[i]) / 2).ToArray();
        Expect.SeriesNear(new DonchianChannels(period).RunSelect(bars, d => d.Upper), upper, "upper");
        Expect.SeriesNear(new DonchianChannels(period).RunSelect(bars, d => d.Lower), lower, "lower");
        Expect.SeriesNear(Run(new DonchianChannels(period), bars), middle, "middle");
    }
}
