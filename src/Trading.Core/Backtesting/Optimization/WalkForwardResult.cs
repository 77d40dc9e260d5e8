namespace Trading.Core.Backtesting.Optimization;

/// <summary>A fold of a walk-forward: the best in-sample trial and how the same parameters scored out of sample.</summary>
public sealed record WalkForwardResult(WalkForwardFold Fold, long InSampleFromMs, long OutOfSampleFromMs, long OutOfSampleToMs,
    OptimizationTrial BestInSample, OptimizationTrial OutOfSample);
