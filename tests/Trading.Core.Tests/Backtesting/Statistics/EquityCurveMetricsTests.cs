using Shouldly;
using Trading.Core.Backtesting.Statistics;

namespace Trading.Core.Tests.Backtesting.Statistics;

public class EquityCurveMetricsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(1_003)]
    public void RiskAdjusted_AnyLength_MatchesPlainTwoPassFormula(int length)
    {
        var equity = RandomCurve(length);

        var (sharpe, sortino) = EquityCurveMetrics.RiskAdjusted(1_000, equity, 60_000);

        var (expectedSharpe, expectedSortino) = PlainRiskAdjusted(1_000, equity, EquityCurveMetrics.PeriodsPerYear(60_000));
        sharpe.ShouldBe(expectedSharpe, Math.Abs(expectedSharpe) * 1e-12 + 1e-15);
        sortino.ShouldBe(expectedSortino, Math.Abs(expectedSortino) * 1e-12 + 1e-15);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2_001)]
    public void Drawdown_RandomCurve_MatchesPerCandleFormula(int length)
    {
        var equity = RandomCurve(length);

        var (maxDrawdown, longest) = EquityCurveMetrics.Drawdown(1_000, equity);

        double peak = 1_000, expectedMax = 0;
        int peakIndex = -1, expectedLongest = 0;
        for (var i = 0; i < length; i++)
        {
            if (equity[i] >= peak)
            {
                peak = equity[i];
                peakIndex = i;
                continue;
            }
            expectedMax = Math.Max(expectedMax, (peak - equity[i]) / peak);
            expectedLongest = Math.Max(expectedLongest, i - peakIndex);
        }
        maxDrawdown.ShouldBe(expectedMax);
        longest.ShouldBe(expectedLongest);
        maxDrawdown.ShouldBeGreaterThan(0);
    }

    /// <summary>A walk from 1,000 with a slight upward drift and a flat candle (return 0) every seventh.</summary>
    private static double[] RandomCurve(int length)
    {
        var random = new Random(length);
        var equity = new double[length];
        var value = 1_000.0;
        for (var i = 0; i < length; i++)
        {
            value *= i % 7 == 3 ? 1 : 1 + (random.NextDouble() - 0.48) / 50;
            equity[i] = value;
        }
        return equity;
    }

    private static (double Sharpe, double Sortino) PlainRiskAdjusted(double initial, double[] equity, double periodsPerYear)
    {
        var returns = new double[equity.Length];
        for (var i = 0; i < equity.Length; i++) returns[i] = equity[i] / (i == 0 ? initial : equity[i - 1]) - 1;
        var mean = returns.Average();
        var squares = returns.Sum(r => (r - mean) * (r - mean));
        var downside = returns.Where(r => r < 0).Sum(r => r * r);
        var sd = returns.Length > 1 ? Math.Sqrt(squares / (returns.Length - 1)) : 0;
        var dd = Math.Sqrt(downside / returns.Length);
        return (sd > 0 ? mean / sd * Math.Sqrt(periodsPerYear) : 0, dd > 0 ? mean / dd * Math.Sqrt(periodsPerYear) : 0);
    }
}
