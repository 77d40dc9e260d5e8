using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Optimization;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Core.Tests.Backtesting.Optimization;

public class OptimizerTests
{
    private static readonly BacktestSettings Settings = new() { InitialBalance = 100_000m };
    private static readonly BacktestData Data = new(Wave(3_000));

    /// <summary>A price oscillating around 20,000 with two periods, so RSI crosses its thresholds often.</summary>
    private static Candle[] Wave(int count)
    {
        var candles = new Candle[count];
        var previous = 20_000m;
        for (var i = 0; i < count; i++)
        {
            var close = 20_000m + (decimal)Math.Round((Math.Sin(i / 9.0) * 300) + (Math.Sin(i / 47.0) * 700), 2);
            candles[i] = Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, 1_672_531_200_000 + (i * 60_000L), previous,
                Math.Max(previous, close) + 5, Math.Min(previous, close) - 5, close, 1m);
            previous = close;
        }
        return candles;
    }

    private static StrategyBase Rsi(IReadOnlyDictionary<string, string> values) => BuiltInStrategies.CreateRegistry().Create("rsi", values);

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates() =>
        new ParameterSpace([ParameterRange.Parse("period=7..28:7"), ParameterRange.Parse("oversold=20..35:5")]).Grid()
            .Select(p => (IReadOnlyDictionary<string, string>)p.ToDictionary(v => v.Key, v => v.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

    [Fact]
    public void Run_PrecomputedSeries_SameStatisticsAsStreamingRuns()
    {
        var candidates = Candidates();
        var optimizer = new Optimizer(Data, Settings, Rsi);

        var ranked = optimizer.Run(candidates, OptimizationMetric.Return, jobs: 2, ct: TestContext.Current.CancellationToken);

        optimizer.Cache.Computed.ShouldBe(4); // one RSI series per distinct period
        ranked.Count.ShouldBe(16);
        foreach (var trial in ranked)
        {
            var alone = new BacktestEngine().Run(Rsi(trial.Parameters), Data, Settings, ct: TestContext.Current.CancellationToken);
            trial.Statistics.ShouldBe(alone.Statistics);
        }
        ranked.Select(t => t.Score).ShouldBeInOrder(SortDirection.Descending);
        ranked.Sum(t => t.Statistics.Trades).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Run_OneJobAndTwoJobs_SameRanking()
    {
        var candidates = Candidates();
        var one = new Optimizer(Data, Settings, Rsi).Run(candidates, OptimizationMetric.Sharpe, 1, ct: TestContext.Current.CancellationToken);
        var two = new Optimizer(Data, Settings, Rsi).Run(candidates, OptimizationMetric.Sharpe, 2, ct: TestContext.Current.CancellationToken);
        two.Select(t => (t.Index, t.Score)).ShouldBe(one.Select(t => (t.Index, t.Score)));
    }

    [Fact]
    public void WalkForward_ThreeFolds_ScoresBestInSampleOnNextWindow()
    {
        var optimizer = new Optimizer(Data, Settings, Rsi);

        var folds = WalkForward.Run(optimizer, Data, Candidates(), OptimizationMetric.Return, folds: 3, jobs: 2, ct: TestContext.Current.CancellationToken);

        folds.Count.ShouldBe(3);
        var candles = Data.Candles.Span;
        for (var k = 0; k < 3; k++)
        {
            var fold = folds[k];
            fold.Fold.InSampleStart.ShouldBe(k * 750);
            fold.OutOfSampleFromMs.ShouldBe(candles[(k + 1) * 750].OpenTimeMs);
            // The out-of-sample score is the best in-sample parameters run alone on the next window.
            var alone = new BacktestEngine().Run(Rsi(fold.BestInSample.Parameters), Data, Settings, fold.Fold.OutOfSampleStart,
                fold.Fold.OutOfSampleEnd - fold.Fold.OutOfSampleStart, ct: TestContext.Current.CancellationToken);
            fold.OutOfSample.Statistics.ShouldBe(alone.Statistics);
            fold.OutOfSample.Statistics.Candles.ShouldBe(750);
        }
    }
}
