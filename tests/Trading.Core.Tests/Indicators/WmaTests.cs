using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class WmaTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // period 3, divider 1+2+3 = 6: (1·1 + 2·2 + 3·6)/6 = 23/6; (1·2 + 2·6 + 3·4)/6 = 26/6; (1·6 + 2·4 + 3·5)/6 = 29/6
        var output = new Wma(3).Run([1.0, 2.0, 6.0, 4.0, 5.0]);
        Expect.SeriesNear(output, [double.NaN, double.NaN, 23.0 / 6, 26.0 / 6, 29.0 / 6]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(30)]
    public void Update_RealCloses_MatchesWeightedWindow(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        Expect.SeriesNear(new Wma(period).Run(closes), Reference(closes, period), $"wma{period}");
    }

    private static double[] Reference(double[] x, int n)
    {
        var output = Expect.NaNs(x.Length);
        for (var i = n - 1; i < x.Length; i++)
        {
            double sum = 0, weights = 0;
            for (var w = 1; w <= n; w++)
            {
                sum += w * x[i - n + w];
                weights += w;
            }
            output[i] = sum / weights;
        }
        return output;
    }
}
