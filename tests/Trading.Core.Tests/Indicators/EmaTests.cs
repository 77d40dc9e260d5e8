using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class EmaTests
{
    [Fact]
    public void Update_SmallSeries_SeedsWithSmaThenSmooths()
    {
        // period 3: k = 2/(3+1) = 0.5; seed = (2+4+6)/3 = 4; then 4 + 0.5·(8-4) = 6; 6 + 0.5·(7-6) = 6.5
        var output = new Ema(3).Run([2.0, 4.0, 6.0, 8.0, 7.0]);
        Expect.SeriesNear(output, [double.NaN, double.NaN, 4.0, 6.0, 6.5]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(26)]
    [InlineData(200)]
    public void Update_RealCloses_MatchesReference(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        Expect.SeriesNear(new Ema(period).Run(closes), Reference(closes, period), $"ema{period}");
    }

    [Fact]
    public void K_Period9_IsTwoOverTen() => new Ema(9).K.ShouldBe(0.2);

    /// <summary>EMA per TA-Lib's definition, written as k·x + (1-k)·prev; the first value is the mean of the first n inputs.</summary>
    internal static double[] Reference(double[] x, int n, int start = 0)
    {
        var output = Expect.NaNs(x.Length);
        var k = 2.0 / (n + 1);
        var seed = 0.0;
        for (var i = start; i < start + n; i++) seed += x[i];
        var previous = seed / n;
        output[start + n - 1] = previous;
        for (var i = start + n; i < x.Length; i++)
        {
            previous = (k * x[i]) + ((1 - k) * previous);
            output[i] = previous;
        }
        return output;
    }
}
