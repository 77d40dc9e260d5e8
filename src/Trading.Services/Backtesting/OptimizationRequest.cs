using Trading.Core.Backtesting.Optimization;

namespace Trading.Services.Backtesting;

/// <summary>A parameter search: the base request (strategy, data, trading settings) and how to search.</summary>
public sealed record OptimizationRequest
{
    public const int MaxCandidates = 100_000;

    public required BacktestRequest Base { get; init; }

    /// <summary>"name=from..to:step", "name=a,b" or "name=value" (fixed).</summary>
    public required IReadOnlyList<string> Ranges { get; init; }

    public string Method { get; init; } = "grid";
    public int Trials { get; init; } = 100;
    public int Seed { get; init; } = 42;
    public OptimizationMetric Metric { get; init; } = OptimizationMetric.Sharpe;
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public int? WalkForwardFolds { get; init; }

    public void Validate()
    {
        Base.Validate();
        if (Ranges.Count == 0) throw new BacktestInputException("give at least one --param range, e.g. --param period=7..28:7.");
        if (Method is not ("grid" or "random")) throw new BacktestInputException($"--method '{Method}' is unknown: use grid or random.");
        if (Method == "random" && Trials < 1) throw new BacktestInputException($"--trials must be at least 1, got {Trials}.");
        if (Jobs < 1) throw new BacktestInputException($"--jobs must be at least 1, got {Jobs}.");
        if (WalkForwardFolds is < 1 or > 50) throw new BacktestInputException($"--walk-forward folds must be within 1..50, got {WalkForwardFolds}.");
    }
}
