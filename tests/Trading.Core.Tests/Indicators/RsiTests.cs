using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class RsiTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // changes: +1, -0.5, +1.5, -1, +0.5 (period 3)
        // seed: gain (1 + 1.5)/3 = 5/6, loss 0.5/3 = 1/6 → RSI 100·(5/6)/1 = 83.33
        // next (-1): gain (5/6·2)/3 = 5/9, loss (1/6·2 + 1)/3 = 4/9 → 100·5/9
        // next (+0.5): gain (5/9·2 + 0.5)/3 = 29/54, loss (4/9·2)/3 = 16/54 → 100·29/45
        var output = new Rsi(3).Run([10.0, 11.0, 10.5, 12.0, 11.0, 11.5]);
        Expect.SeriesNear(output, [double.NaN, double.NaN, double.NaN, 250.0 / 3, 500.0 / 9, 2900.0 / 45]);
    }

    [Fact]
    public void Update_FlatSeries_IsZeroAsTaLib()
    {
        var output = new Rsi(3).Run([5.0, 5.0, 5.0, 5.0, 5.0]);
        output[3].ShouldBe(0.0);
        output[4].ShouldBe(0.0);
    }

    [Fact]
    public void Update_OnlyRises_Is100()
    {
        var output = new Rsi(2).Run([1.0, 2.0, 3.0, 4.0]);
        output[3].ShouldBe(100.0);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(14)]
    [InlineData(50)]
    public void Update_RealCloses_MatchesReference(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        Expect.SeriesNear(new Rsi(period).Run(closes), Reference(closes, period), $"rsi{period}");
    }

    [Fact]
    public void Update_HaltDayMinutes_MatchesReference()
    {
        var closes = BtcBars.Closes(BtcBars.HaltDayMinutes);
        Expect.SeriesNear(new Rsi(14).Run(closes), Reference(closes, 14), "rsi14 1m");
    }

    private static double[] Reference(double[] x, int n)
    {
        var output = Expect.NaNs(x.Length);
        double gain = 0, loss = 0;
        for (var i = 1; i <= n; i++)
        {
            gain += Math.Max(x[i] - x[i - 1], 0);
            loss += Math.Max(x[i - 1] - x[i], 0);
        }
        gain /= n;
        loss /= n;
        for (var i = n; i < x.Length; i++)
        {
            if (i > n)
            {
                gain = ((gain * (n - 1)) + Math.Max(x[i] - x[i - 1], 0)) / n;
                loss = ((loss * (n - 1)) + Math.Max(x[i - 1] - x[i], 0)) / n;
            }
            output[i] = gain + loss == 0 ? 0 : 100 - (100 / (1 + (gain / loss)));
        }
        return output;
    }
}
