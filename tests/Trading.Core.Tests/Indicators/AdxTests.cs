using Shouldly;
using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class AdxTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // N = 2. Changes: b1 +DM 1, TR 2; b2 +DM 1, TR 2.5; b3 -DM 1.5, TR 3.5; b4 none, TR 1.5.
        // Sum over the first N-1 = 1 change: +DM 1, -DM 0, TR 2.
        // b2: +DM 1 - 1/2 + 1 = 1.5, TR 2 - 1 + 2.5 = 3.5 → +DI 300/7, -DI 0, DX 100
        // b3: +DM 0.75, -DM 1.5, TR 3.5 - 1.75 + 3.5 = 5.25 → DX 100·0.75/2.25 = 100/3; ADX (100 + 100/3)/2 = 200/3
        // b4: +DM 0.375, -DM 0.75, TR 5.25 - 2.625 + 1.5 = 4.125 → +DI 100/11, -DI 200/11, DX 100/3; ADX (200/3 + 100/3)/2 = 50
        var adx = new Adx(2);
        var output = Run(adx, Bar(10, 8, 9), Bar(11, 9, 10), Bar(12, 9.5, 11), Bar(11.5, 8, 9), Bar(10, 8.5, 9.5));
        Expect.SeriesNear(output, [double.NaN, double.NaN, double.NaN, 200.0 / 3, 50]);
        Expect.Near(adx.PlusDi, 100.0 / 11);
        Expect.Near(adx.MinusDi, 200.0 / 11);
    }

    [Fact]
    public void DirectionalIndicators_AfterPeriodPlusOneBars_AreReady()
    {
        var adx = new Adx(3);
        var bars = BtcBars.Hourly;
        for (var i = 0; i < 3; i++) adx.Update(bars[i]);
        adx.DirectionalIndicatorsReady.ShouldBeFalse();
        adx.Update(bars[3]);
        adx.DirectionalIndicatorsReady.ShouldBeTrue();
        adx.IsReady.ShouldBeFalse();
        double.IsFinite(adx.PlusDi).ShouldBeTrue();
    }

    [Theory]
    [InlineData(14)]
    [InlineData(5)]
    public void Update_RealBars_MatchesReference(int period)
    {
        var bars = BtcBars.Hourly;
        var (adx, plusDi, minusDi) = Reference(bars, period);
        Expect.SeriesNear(Run(new Adx(period), bars), adx, "adx");
        Expect.SeriesNear(new Adx(period).RunSelect(bars, a => a.PlusDi), Crop(plusDi, 2 * period - 1), "+di");
        Expect.SeriesNear(new Adx(period).RunSelect(bars, a => a.MinusDi), Crop(minusDi, 2 * period - 1), "-di");
    }

    [Fact]
    public void Update_HaltDayMinutes_MatchesReference()
    {
        var bars = BtcBars.HaltDayMinutes;
        Expect.SeriesNear(Run(new Adx(14), bars), Reference(bars, 14).Adx, "adx 1m");
    }

    private static double[] Crop(double[] values, int first) =>
        values.Select((v, i) => i < first ? double.NaN : v).ToArray();

    /// <summary>Wilder's ADX from arrays: DM and TR per bar, running sums s ← s - s/n + x after an initial n-1 sum, DI, DX, ADX.</summary>
    private static (double[] Adx, double[] PlusDi, double[] MinusDi) Reference(PriceBar[] b, int n)
    {
        var len = b.Length;
        var plusDm = new double[len];
        var minusDm = new double[len];
        var tr = TrueRanges(b);
        for (var i = 1; i < len; i++)
        {
            var up = b[i].High - b[i - 1].High;
            var down = b[i - 1].Low - b[i].Low;
            plusDm[i] = up > down && up > 0 ? up : 0;
            minusDm[i] = down > up && down > 0 ? down : 0;
        }
        double sp = 0, sm = 0, st = 0;
        for (var i = 1; i < n; i++)
        {
            sp += plusDm[i];
            sm += minusDm[i];
            st += tr[i];
        }
        var plusDi = Expect.NaNs(len);
        var minusDi = Expect.NaNs(len);
        var dx = Expect.NaNs(len);
        for (var i = n; i < len; i++)
        {
            sp = sp - (sp / n) + plusDm[i];
            sm = sm - (sm / n) + minusDm[i];
            st = st - (st / n) + tr[i];
            plusDi[i] = st == 0 ? 0 : 100 * sp / st;
            minusDi[i] = st == 0 ? 0 : 100 * sm / st;
            var sum = plusDi[i] + minusDi[i];
            if (sum != 0) dx[i] = 100 * Math.Abs(plusDi[i] - minusDi[i]) / sum;
        }
        var adx = Expect.NaNs(len);
        var first = 0.0;
        for (var i = n; i < 2 * n; i++) first += double.IsNaN(dx[i]) ? 0 : dx[i];
        adx[(2 * n) - 1] = first / n;
        for (var i = 2 * n; i < len; i++)
            adx[i] = double.IsNaN(dx[i]) ? adx[i - 1] : ((adx[i - 1] * (n - 1)) + dx[i]) / n;
        return (adx, plusDi, minusDi);
    }
}
