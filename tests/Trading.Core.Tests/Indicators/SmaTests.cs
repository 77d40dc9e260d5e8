using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class SmaTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        var output = new Sma(3).Run([1.0, 2.0, 6.0, 4.0, 5.0]);
        Expect.SeriesNear(output, [double.NaN, double.NaN, (1 + 2 + 6) / 3.0, (2 + 6 + 4) / 3.0, (6 + 4 + 5) / 3.0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(200)]
    public void Update_RealCloses_MatchesWindowMean(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        Expect.SeriesNear(new Sma(period).Run(closes), Reference(closes, period), $"sma{period}");
    }

    [Fact]
    public void Constructor_ZeroPeriod_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => new Sma(0));

    internal static double[] Reference(double[] x, int n)
    {
        var output = Expect.NaNs(x.Length);
        for (var i = n - 1; i < x.Length; i++)
        {
            var sum = 0.0;
            for (var j = i - n + 1; j <= i; j++) sum += x[j];
            output[i] = sum / n;
        }
        return output;
    }
}
