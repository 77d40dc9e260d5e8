using Shouldly;
using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class SupertrendTests
{
    [Fact]
    public void Update_SmallSeries_CarriesBandsAndFlips()
    {
        // ATR(2), m = 1. b2: ATR (2+2)/2 = 2, mid 11 → bands 13/9, starts down → 13
        // b3: TR 3, ATR 2.5, mid 13 → basic 15.5/10.5; upper carried 13 (15.5 > 13, prev close 11 ≤ 13); lower 10.5;
        //     close 13.5 > 13 → up, value 10.5
        // b4: TR 3.5, ATR 3, mid 11.5 → basic 14.5/8.5; upper resets to 14.5 (prev close 13.5 > 13); lower carried 10.5;
        //     close 10.2 < 10.5 → down, value 14.5
        var supertrend = new Supertrend(2, 1);
        PriceBar[] bars = [Bar(10, 8, 9), Bar(11, 9, 10), Bar(12, 10, 11), Bar(14, 12, 13.5), Bar(13, 10, 10.2)];
        Expect.SeriesNear(Run(supertrend, bars), [double.NaN, double.NaN, 13, 10.5, 14.5]);
        supertrend.Direction.ShouldBe(-1);
        new Supertrend(2, 1).RunSelect(bars, s => s.Direction).ShouldBe([double.NaN, double.NaN, -1, 1, -1]);
    }

    [Theory]
    [InlineData(10, 3.0)]
    [InlineData(7, 1.5)]
    public void Update_RealBars_MatchesReference(int period, double multiplier)
    {
        var bars = BtcBars.Hourly;
        var (value, direction) = Reference(bars, period, multiplier);
        Expect.SeriesNear(Run(new Supertrend(period, multiplier), bars), value, "value");
        new Supertrend(period, multiplier).RunSelect(bars, s => s.Direction).ShouldBe(direction);
        direction.Count(d => d == 1).ShouldBeGreaterThan(10);
        direction.Count(d => d == -1).ShouldBeGreaterThan(10);
    }

    private static (double[] Value, double[] Direction) Reference(PriceBar[] b, int n, double m)
    {
        var atr = Wilder(TrueRanges(b), 1, n);
        var value = Expect.NaNs(b.Length);
        var direction = Expect.NaNs(b.Length);
        var upper = new double[b.Length];
        var lower = new double[b.Length];
        for (var i = n; i < b.Length; i++)
        {
            var hl2 = (b[i].High + b[i].Low) / 2;
            upper[i] = hl2 + (m * atr[i]);
            lower[i] = hl2 - (m * atr[i]);
            if (i == n)
            {
                direction[i] = -1;
            }
            else
            {
                if (!(upper[i] < upper[i - 1] || b[i - 1].Close > upper[i - 1])) upper[i] = upper[i - 1];
                if (!(lower[i] > lower[i - 1] || b[i - 1].Close < lower[i - 1])) lower[i] = lower[i - 1];
                var wasUp = direction[i - 1] == 1;
                direction[i] = wasUp ? (b[i].Close < lower[i] ? -1 : 1) : (b[i].Close > upper[i] ? 1 : -1);
            }
            value[i] = direction[i] == 1 ? lower[i] : upper[i];
        }
        return (value, direction);
    }
}
