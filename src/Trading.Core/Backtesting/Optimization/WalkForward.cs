namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// Walk-forward analysis: for each <see cref="WalkForwardFold"/>, optimise on the in-sample window, then run the best
/// parameters on the following out-of-sample window. Out-of-sample scores well below in-sample ones show over-fitting.
/// </summary>
public static class WalkForward
{
    public static IReadOnlyList<WalkForwardResult> Run(
        Optimizer optimizer, BacktestData data, IReadOnlyList<IReadOnlyDictionary<string, string>> candidates,
        OptimizationMetric metric, int folds, int jobs, Action? onTrialDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        var candles = data.Candles.Span;
        var results = new List<WalkForwardResult>();
        foreach (var fold in WalkForwardFold.Split(data.Count, folds))
        {
            var ranked = optimizer.Run(candidates, metric, jobs, fold.InSampleStart, fold.InSampleEnd - fold.InSampleStart, onTrialDone, ct);
            var best = ranked[0];
            var outOfSample = optimizer.Score(best.Parameters, metric, fold.OutOfSampleStart, fold.OutOfSampleEnd - fold.OutOfSampleStart, ct);
            results.Add(new WalkForwardResult(fold, candles[fold.InSampleStart].OpenTimeMs, candles[fold.OutOfSampleStart].OpenTimeMs,
                candles[fold.OutOfSampleEnd - 1].CloseTimeMs, best, outOfSample));
        }
        return results;
    }
}
