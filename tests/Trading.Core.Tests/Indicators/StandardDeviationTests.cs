using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class StandardDeviationTests
{
    [Fact]
    public void Update_ClassicExample_IsTwo()
    {
        // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; population variance 32/8 = 4 → 2
        var output = new StandardDeviation(8).Run([2.0, 4, 4, 4, 5, 5, 7, 9]);
        output[7].ShouldBe(2.0);
    }

    [Fact]
    public void Update_Multiplier_ScalesDeviation()
    {
        var deviation = new StandardDeviation(3, 2.5);
        deviation.Run([1.0, 2.0, 3.0]);
        Expect.Near(deviation.Current, 2.5 * Math.Sqrt(2.0 / 3));
        Expect.Near(deviation.Deviation, Math.Sqrt(2.0 / 3));
        deviation.Mean.ShouldBe(2.0);
    }

    [Fact]
    public void Update_FlatSeries_IsZero() => new StandardDeviation(3).Run([4.0, 4, 4, 4])[3].ShouldBe(0.0);

    /// <summary>
    /// TA-Lib computes the variance as mean(x²) - mean(x)² from running totals, which loses ~1e-9 relative to cancellation
    /// at BTC prices; the reference follows that arithmetic over arrays so that results agree with TA-Lib to 1e-9.
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void Update_RealCloses_MatchesTaLibRunningTotals(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        Expect.SeriesNear(new StandardDeviation(period).Run(closes), TaLibReference(closes, period), $"stddev{period}");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void Update_RealCloses_AgreesWithTwoPassDeviationTo1e6(int period)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        var actual = new StandardDeviation(period).Run(closes);
        var exact = TwoPassReference(closes, period);
        for (var i = period - 1; i < closes.Length; i++)
            Math.Abs(actual[i] - exact[i]).ShouldBeLessThan(1e-6 * Math.Max(1, exact[i]), $"index {i}");
    }

    /// <summary>Running totals of x and x² over arrays: add x[i], take the means, subtract x[i-n+1]; variance below 1e-14 is 0.</summary>
    internal static double[] TaLibReference(double[] x, int n)
    {
        var output = Expect.NaNs(x.Length);
        double total = 0, totalOfSquares = 0;
        for (var i = 0; i < x.Length; i++)
        {
            total += x[i];
            totalOfSquares += x[i] * x[i];
            if (i < n - 1) continue;
            var mean = total / n;
            var variance = (totalOfSquares / n) - (mean * mean);
            output[i] = variance < 1e-14 ? 0 : Math.Sqrt(variance);
            total -= x[i - n + 1];
            totalOfSquares -= x[i - n + 1] * x[i - n + 1];
        }
        return output;
    }

    internal static double[] TwoPassReference(double[] x, int n)
    {
        var output = Expect.NaNs(x.Length);
        for (var i = n - 1; i < x.Length; i++)
        {
            var mean = 0.0;
            for (var j = i - n + 1; j <= i; j++) mean += x[j];
            mean /= n;
            var squares = 0.0;
            for (var j = i - n + 1; j <= i; j++) squares += (x[j] - mean) * (x[j] - mean);
            output[i] = Math.Sqrt(squares / n);
        }
        return output;
    }
}
