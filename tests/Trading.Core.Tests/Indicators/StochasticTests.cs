using Shouldly;
using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class StochasticTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // fastK 2, slowK 2, slowD 2; bars (H, L, C):
        // b1 window b0..b1: HH 12, LL 8 → fast %K 100·(11-8)/4 = 75
        // b2 window b1..b2: HH 13, LL 9 → 100·(10-9)/4 = 25; %K = (75+25)/2 = 50
        // b3 window b2..b3: HH 13, LL 9 → 100·(13-9)/4 = 100; %K = (25+100)/2 = 62.5; %D = (50+62.5)/2 = 56.25
        var stochastic = new Stochastic(2, 2, 2);
        var k = Run(stochastic, Bar(10, 8, 9), Bar(12, 9, 11), Bar(13, 9.5, 10), Bar(13, 10, 13));
        Expect.SeriesNear(k, [double.NaN, double.NaN, double.NaN, 62.5]);
        stochastic.D.ShouldBe(56.25);
    }

    [Fact]
    public void Update_FlatRange_FastKIsZero()
    {
        var stochastic = new Stochastic(2, 1, 1);
        Run(stochastic, Bar(5, 5, 5), Bar(5, 5, 5));
        stochastic.K.ShouldBe(0.0);
    }

    [Fact]
    public void WarmUpPeriod_TaLibDefaults_IsNine() => new Stochastic().WarmUpPeriod.ShouldBe(9);

    [Theory]
    [InlineData(5, 3, 3)]
    [InlineData(14, 3, 5)]
    public void Update_RealBars_MatchesReference(int fastK, int slowK, int slowD)
    {
        var bars = BtcBars.Hourly;
        var (k, d) = Reference(bars, fastK, slowK, slowD);
        Expect.SeriesNear(Run(new Stochastic(fastK, slowK, slowD), bars), k, "%K");
        Expect.SeriesNear(new Stochastic(fastK, slowK, slowD).RunSelect(bars, s => s.D), d, "%D");
    }

    [Fact]
    public void Update_HaltDayMinutes_MatchesReference()
    {
        var bars = BtcBars.HaltDayMinutes;
        var (k, d) = Reference(bars, 5, 3, 3);
        Expect.SeriesNear(Run(new Stochastic(), bars), k, "%K 1m");
        Expect.SeriesNear(new Stochastic().RunSelect(bars, s => s.D), d, "%D 1m");
    }

    /// <summary>Fast %K from window scans, then plain window means for %K and %D; outputs only where %D exists.</summary>
    private static (double[] K, double[] D) Reference(PriceBar[] b, int fastK, int slowK, int slowD)
    {
        var fast = Expect.NaNs(b.Length);
        for (var i = fastK - 1; i < b.Length; i++)
        {
            double hh = double.MinValue, ll = double.MaxValue;
            for (var j = i - fastK + 1; j <= i; j++)
            {
                hh = Math.Max(hh, b[j].High);
                ll = Math.Min(ll, b[j].Low);
            }
            fast[i] = hh == ll ? 0 : 100 * (b[i].Close - ll) / (hh - ll);
        }
        var k = WindowMean(fast, slowK, fastK - 1);
        var d = WindowMean(k, slowD, fastK + slowK - 2);
        var first = fastK + slowK + slowD - 3;
        for (var i = 0; i < first; i++) k[i] = double.NaN;
        return (k, d);
    }

    private static double[] WindowMean(double[] x, int n, int firstValid)
    {
        var output = Expect.NaNs(x.Length);
        for (var i = firstValid + n - 1; i < x.Length; i++)
        {
            var sum = 0.0;
            for (var j = i - n + 1; j <= i; j++) sum += x[j];
            output[i] = sum / n;
        }
        return output;
    }
}
