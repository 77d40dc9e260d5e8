using Trading.Core.Backtesting.Statistics;

namespace Trading.Core.Backtesting.Optimization;

/// <summary>The figure trials are ranked by, highest first.</summary>
public enum OptimizationMetric
{
    Sharpe,
    Return,
    Calmar,
    ProfitFactor,
}

public static class OptimizationMetrics
{
    public static OptimizationMetric Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sharpe" => OptimizationMetric.Sharpe,
        "return" => OptimizationMetric.Return,
        "calmar" => OptimizationMetric.Calmar,
        "profit_factor" => OptimizationMetric.ProfitFactor,
        _ => throw new FormatException($"Unknown metric '{text}': expected sharpe, return, calmar or profit_factor."),
    };

    /// <summary>The score of a run; a profit factor with no losing trade scores as its gross profit being infinite only when it made money.</summary>
    public static double Score(this OptimizationMetric metric, BacktestStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return metric switch
        {
            OptimizationMetric.Sharpe => stats.Sharpe,
            OptimizationMetric.Return => stats.TotalReturn,
            OptimizationMetric.Calmar => stats.Calmar,
            OptimizationMetric.ProfitFactor => stats.ProfitFactor ?? (stats.AverageWin > 0 ? double.MaxValue : 0),
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
    }

    public static string Name(this OptimizationMetric metric) => metric switch
    {
        OptimizationMetric.ProfitFactor => "profit_factor",
        _ => metric.ToString().ToLowerInvariant(),
    };
}
