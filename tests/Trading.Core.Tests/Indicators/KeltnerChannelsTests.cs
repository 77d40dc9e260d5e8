using Shouldly;
using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class KeltnerChannelsTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // EMA(2), k = 2/3: seed (9+10)/2 = 9.5, then 9.5 + 2/3·(11-9.5) = 10.5, then 10.5 + 2/3·(13.5-10.5) = 12.5
        // ATR(2): TR 2, 2 → 2 at b2; TR 3 → (2 + 3)/2 = 2.5 at b3. Bands ± 2·ATR: 14.5/6.5, then 17.5/7.5
        var keltner = new KeltnerChannels(2, 2, 2);
        keltner.WarmUpPeriod.ShouldBe(3);
        PriceBar[] bars = [Bar(10, 8, 9), Bar(11, 9, 10), Bar(12, 10, 11), Bar(14, 12, 13.5)];
        Expect.SeriesNear(Run(keltner, bars), [double.NaN, double.NaN, 10.5, 12.5]);
        Expect.SeriesNear(new KeltnerChannels(2, 2, 2).RunSelect(bars, k => k.Upper), [double.NaN, double.NaN, 14.5, 17.5]);
        Expect.SeriesNear(new KeltnerChannels(2, 2, 2).RunSelect(bars, k => k.Lower), [double.NaN, double.NaN, 6.5, 7.5]);
    }

    [Fact]
    public void WarmUpPeriod_Defaults_IsEmaPeriod() => new KeltnerChannels().WarmUpPeriod.ShouldBe(20);

    [Theory]
    [InlineData(20, 10, 2.0)]
    [InlineData(5, 30, 1.5)]
    public void Update_RealBars_MatchesEmaAndWilderAtr(int emaPeriod, int atrPeriod, double multiplier)
    {
        var bars = BtcBars.Hourly;
        var ema = EmaTests.Reference(BtcBars.Closes(bars), emaPeriod);
        var atr = Wilder(TrueRanges(bars), 1, atrPeriod);
        var first = Math.Max(emaPeriod - 1, atrPeriod);
        var middle = ema.Select((m, i) => i < first ? double.NaN : m).ToArray();
        var upper = middle.Select((m, i) => m + (multiplier * atr[i])).ToArray();
        var lower = middle.Select((m, i) => m - (multiplier * atr[i])).ToArray();
        Expect.SeriesNear(Run(new KeltnerChannels(emaPeriod, atrPeriod, multiplier), bars), middle, "middle");
        Expect.SeriesNear(new KeltnerChannels(emaPeriod, atrPeriod, multiplier).RunSelect(bars, k => k.Upper), upper, "upper");
        Expect.SeriesNear(new KeltnerChannels(emaPeriod, atrPeriod, multiplier).RunSelect(bars, k => k.Lower), lower, "lower");
    }
}
