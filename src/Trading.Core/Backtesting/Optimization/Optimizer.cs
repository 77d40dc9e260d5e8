using Trading.Core.Strategies;

namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// Backtests many parameter sets of one strategy over shared candles on up to <c>jobs</c> threads (one engine per
/// worker) and ranks them by a metric, best first; ties keep the candidates' order. Indicator series are computed
/// once per distinct (indicator, period) through an <see cref="IndicatorSeriesCache"/>.
/// </summary>
public sealed class Optimizer(BacktestData data, BacktestSettings settings, Func<IReadOnlyDictionary<string, string>, StrategyBase> createStrategy)
{
    public IndicatorSeriesCache Cache { get; } = new(data);

    public IReadOnlyList<OptimizationTrial> Run(
        IReadOnlyList<IReadOnlyDictionary<string, string>> candidates, OptimizationMetric metric, int jobs,
        int start = 0, int count = -1, Action? onTrialDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var precomputed = Cache.ForRunStartingAt(start);
        var trials = ParallelTrials.Run(
            candidates.Count,
            jobs,
            () => new BacktestEngine(),
            (engine, index) =>
            {
                var strategy = createStrategy(candidates[index]);
                var result = engine.Run(strategy, data, settings, start, count, ct: ct, precomputed: precomputed);
                return new OptimizationTrial(index, candidates[index], result.Statistics, metric.Score(result.Statistics));
            },
            onTrialDone,
            ct);
        return Rank(trials);
    }

    /// <summary>Scores one parameter set on [start, start + count), e.g. a walk-forward out-of-sample window.</summary>
    public OptimizationTrial Score(IReadOnlyDictionary<string, string> parameters, OptimizationMetric metric, int start, int count, CancellationToken ct = default)
    {
        var result = new BacktestEngine().Run(createStrategy(parameters), data, settings, start, count, ct: ct, precomputed: Cache.ForRunStartingAt(start));
        return new OptimizationTrial(0, parameters, result.Statistics, metric.Score(result.Statistics));
    }

    public static IReadOnlyList<OptimizationTrial> Rank(IEnumerable<OptimizationTrial> trials) =>
        trials.OrderByDescending(t => double.IsNaN(t.Score) ? double.MinValue : t.Score).ThenBy(t => t.Index).ToArray();
}
