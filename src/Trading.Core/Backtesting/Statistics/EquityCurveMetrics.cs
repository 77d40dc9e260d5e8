using System.Runtime.Intrinsics;

namespace Trading.Core.Backtesting.Statistics;

/// <summary>
/// Risk figures of an equity curve sampled at each candle close. With E₋₁ the initial balance and E₀…Eₙ₋₁ the
/// closes, the per-candle return is rᵢ = Eᵢ / Eᵢ₋₁ − 1 (n returns). P = 365 days / candle interval is the number of
/// candles in a year (crypto trades every day). Risk-free rate is 0.
/// <list type="bullet">
/// <item>Sharpe = mean(r) / s(r) × √P, s the sample standard deviation (n − 1); 0 when s = 0 or n &lt; 2.</item>
/// <item>Sortino = mean(r) / d × √P, d = √(Σ min(rᵢ, 0)² / n); 0 when d = 0.</item>
/// <item>Max drawdown = max over i of (peakᵢ − Eᵢ) / peakᵢ, peakᵢ the running maximum including E₋₁.</item>
/// <item>Drawdown duration = the longest run of consecutive candles closing below the running peak, × interval.</item>
/// </list>
/// </summary>
public static class EquityCurveMetrics
{
    public const long MsPerYear = 365L * 86_400_000;

    public static double PeriodsPerYear(long candleIntervalMs) => (double)MsPerYear / candleIntervalMs;

    public static (double Sharpe, double Sortino) RiskAdjusted(double initial, ReadOnlySpan<double> equity, long candleIntervalMs)
    {
        var n = equity.Length;
        if (n == 0) return (0, 0);
        var (sum, sumOfSquares, downside) = ReturnSums(initial, equity);
        var mean = sum / n;
        // Σ(r − mean)² = Σr² − n·mean², so one pass instead of two. It would cancel only when the returns are nearly all
        // equal, where the ratio means nothing anyway.
        var squares = Math.Max(0, sumOfSquares - n * mean * mean);
        var scale = Math.Sqrt(PeriodsPerYear(candleIntervalMs));
        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var downsideDeviation = Math.Sqrt(downside / n);
        var sharpe = sd > 0 ? mean / sd * scale : 0;
        var sortino = downsideDeviation > 0 ? mean / downsideDeviation * scale : 0;
        return (sharpe, sortino);
    }

    /// <summary>
    /// Σ r, Σ r² and Σ min(r, 0)² over the per-candle returns r = equity[i] / equity[i − 1] − 1 (equity[−1] = initial), in
    /// one pass four lanes at a time and without branches: the sign of a return is a coin toss the CPU cannot predict.
    /// </summary>
    private static (double Sum, double SumOfSquares, double Downside) ReturnSums(double initial, ReadOnlySpan<double> equity)
    {
        var first = equity[0] / initial - 1;
        var sum = first;
        var sumOfSquares = first * first;
        var downside = Math.Min(first, 0) * Math.Min(first, 0);
        var sumLanes = Vector256<double>.Zero;
        var squareLanes = Vector256<double>.Zero;
        var downsideLanes = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var i = 1;
        for (; i + Vector256<double>.Count <= equity.Length; i += Vector256<double>.Count)
        {
            var r = Vector256.Create(equity.Slice(i)) / Vector256.Create(equity.Slice(i - 1)) - one;
            var loss = Vector256.Min(r, Vector256<double>.Zero);
            sumLanes += r;
            squareLanes += r * r;
            downsideLanes += loss * loss;
        }
        sum += Vector256.Sum(sumLanes);
        sumOfSquares += Vector256.Sum(squareLanes);
        downside += Vector256.Sum(downsideLanes);
        for (; i < equity.Length; i++)
        {
            var r = equity[i] / equity[i - 1] - 1;
            sum += r;
            sumOfSquares += r * r;
            downside += Math.Min(r, 0) * Math.Min(r, 0);
        }
        return (sum, sumOfSquares, downside);
    }

    public static (double MaxDrawdown, int LongestUnderwaterCandles) Drawdown(double initial, ReadOnlySpan<double> equity)
    {
        var peak = initial;
        var trough = initial;
        var peakIndex = -1;
        var maxDrawdown = 0.0;
        var longest = 0;
        for (var i = 0; i < equity.Length; i++)
        {
            var value = equity[i];
            if (value >= peak)
            {
                peak = trough = value;
                peakIndex = i;
                continue;
            }
            if (value < trough)
            {
                // Below this peak the deepest point sets the drawdown, so divide only at a new low.
                trough = value;
                var drawdown = (peak - value) / peak;
                if (drawdown > maxDrawdown) maxDrawdown = drawdown;
            }
            if (i - peakIndex > longest) longest = i - peakIndex;
        }
        return (maxDrawdown, longest);
    }

    /// <summary>(final / initial)^(P / n) − 1; −1 when everything was lost.</summary>
    public static double Annualize(double totalReturn, int candles, long candleIntervalMs)
    {
        if (candles == 0) return 0;
        var growth = 1 + totalReturn;
        return growth <= 0 ? -1 : Math.Pow(growth, PeriodsPerYear(candleIntervalMs) / candles) - 1;
    }
}
