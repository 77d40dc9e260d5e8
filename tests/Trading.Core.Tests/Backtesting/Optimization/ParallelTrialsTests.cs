using Shouldly;
using Trading.Core.Backtesting.Optimization;

namespace Trading.Core.Tests.Backtesting.Optimization;

public class ParallelTrialsTests
{
    [Fact]
    public void Run_TwoJobs_ResultsAtTheirIndexAndWorkersReused()
    {
        var workers = 0;
        var done = 0;
        var results = ParallelTrials.Run(
            200,
            2,
            () => { Interlocked.Increment(ref workers); return new List<int>(); },
            (worker, index) => { worker.Add(index); return index * index; },
            () => Interlocked.Increment(ref done),
            TestContext.Current.CancellationToken);

        results.ShouldBe(Enumerable.Range(0, 200).Select(i => i * i));
        done.ShouldBe(200);
        workers.ShouldBeLessThan(200);
    }
}
