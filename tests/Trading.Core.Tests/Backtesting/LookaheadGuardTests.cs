using System.Runtime.CompilerServices;
using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Backtesting;

/// <summary>A strategy can read the current candle and earlier state only: never a candle after the current one.</summary>
public class LookaheadGuardTests
{
    private static readonly BacktestSettings Settings = new() { InitialBalance = 1_000m };

    [Fact]
    public void Run_StrategyCalls_SeeEachCandleOnceInOrderAndNothingLater()
    {
        var candles = EngineCandles.Rising(20);
        var strategy = new ScriptedStrategy();
        EngineRunner.Run(strategy, candles, Settings);
        strategy.SeenOpenTimes.ShouldBe(candles.Select(c => c.OpenTimeMs));
    }

    [Fact]
    public void Run_ChangedFuture_DecisionsUpToNowUnchanged()
    {
        var candles = EngineCandles.Rising(30);
        var altered = (Candle[])candles.Clone();
        for (var i = 15; i < altered.Length; i++) altered[i] = EngineCandles.Bar(i, 500m, 900m, 50m, 60m);

        var original = new PeekingStrategy();
        var changed = new PeekingStrategy();
        EngineRunner.Run(original, candles, Settings);
        EngineRunner.Run(changed, altered, Settings);

        // Everything the strategy observed up to candle 14 is the same although candles 15+ differ.
        changed.Observations.Take(15).ShouldBe(original.Observations.Take(15));
    }

    [Fact]
    public void Run_UnsafePeekPastTheCandleReference_DoesNotReachTheNextCandle()
    {
        var candles = EngineCandles.Rising(10);
        var strategy = new PeekingStrategy();
        EngineRunner.Run(strategy, candles, Settings);

        for (var i = 0; i < candles.Length - 1; i++)
            strategy.Peeked[i].ShouldNotBe(candles[i + 1].OpenTimeMs, $"candle {i} leaked the next one");
    }

    /// <summary>Tries to cheat: reads the memory right after the candle it was handed, as if it were an array.</summary>
    private sealed class PeekingStrategy : StrategyBase
    {
        public List<(long, decimal, decimal)> Observations { get; } = [];
        public List<long> Peeked { get; } = [];

        public override string Name => "peeking";

        public override IReadOnlyList<StrategyParameter> Parameters => [];

        public override Signal? OnCandle(in Candle candle, StrategyContext context)
        {
            Observations.Add((candle.OpenTimeMs, candle.Close, context.PositionQuantity));
            Peeked.Add(Unsafe.Add(ref Unsafe.AsRef(in candle), 1).OpenTimeMs);
            return null;
        }
    }
}
