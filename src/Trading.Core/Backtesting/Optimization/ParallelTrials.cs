namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// Runs independent trials on up to <c>jobs</c> threads. Each worker builds its own state once (for a backtest:
/// its own engine) and reuses it for every trial it takes. Results land at their trial's index, so the outcome
/// does not depend on scheduling.
/// </summary>
public static class ParallelTrials
{
    public static TResult[] Run<TWorker, TResult>(
        int count,
        int jobs,
        Func<TWorker> createWorker,
        Func<TWorker, int, TResult> runTrial,
        Action? onTrialDone = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(createWorker);
        ArgumentNullException.ThrowIfNull(runTrial);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var results = new TResult[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ct };
        Parallel.For(
            0,
            count,
            options,
            createWorker,
            (index, _, worker) =>
            {
                results[index] = runTrial(worker, index);
                onTrialDone?.Invoke();
                return worker;
            },
            _ => { });
        return results;
    }
}
