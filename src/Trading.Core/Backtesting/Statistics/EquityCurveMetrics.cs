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
        var sum = 0.0;
        var previous = initial;
        foreach (var value in equity)
        {
            sum += value / previous - 1;
            previous = value;
        }
        var mean = sum / n;
        var squares = 0.0;
        var downside = 0.0;
        previous = initial;
        foreach (var value in equity)
        {
            var r = value / previous - 1;
            squares += (r - mean) * (r - mean);
            if (r < 0) downside += r * r;
            previous = value;
        }
        var scale = Math.Sqrt(PeriodsPerYear(candleIntervalMs));
        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var downsideDeviation = Math.Sqrt(downside / n);
        var sharpe = sd > 0 ? mean / sd * scale : 0;
        var sortino = downsideDeviation > 0 ? mean / downsideDeviation * scale : 0;
        return (sharpe, sortino);
    }

    public static (double MaxDrawdown, int LongestUnderwaterCandles) Drawdown(double initial, ReadOnlySpan<double> equity)
    {
        var peak = initial;
        var peakIndex = -1;
        var maxDrawdown = 0.0;
        var longest = 0;
        for (var i = 0; i < equity.Length; i++)
        {
            var value = equity[i];
            if (value >= peak)
            {
                peak = value;
                peakIndex = i;
                continue;
            }
            var drawdown = (peak - value) / peak;
            if (drawdown > maxDrawdown) maxDrawdown = drawdown;
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
