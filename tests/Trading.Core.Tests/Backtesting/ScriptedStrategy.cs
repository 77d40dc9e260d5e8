using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Backtesting;

/// <summary>A test strategy that signals exactly on the candle numbers it is given, and records what it saw.</summary>
internal sealed class ScriptedStrategy(params (int Candle, OrderSide Side, decimal Quantity)[] script) : StrategyBase
{
    private int _seen;

    public decimal? StopLoss { get; init; }
    public decimal? TakeProfit { get; init; }
    public List<long> SeenOpenTimes { get; } = [];
    public List<decimal> SeenPositions { get; } = [];

    public override string Name => "scripted";

    public override IReadOnlyList<StrategyParameter> Parameters => [];

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        SeenOpenTimes.Add(candle.OpenTimeMs);
        SeenPositions.Add(context.PositionQuantity);
        var index = _seen++;
        foreach (var step in script)
        {
            if (step.Candle == index)
                return CreateSignal(candle, context, step.Side, step.Quantity, 50, "scripted", step.Side == OrderSide.Buy ? StopLoss : null, step.Side == OrderSide.Buy ? TakeProfit : null);
        }
        return null;
    }

    public override void Reset()
    {
        _seen = 0;
        SeenOpenTimes.Clear();
        SeenPositions.Clear();
    }
}
