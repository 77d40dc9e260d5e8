using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Strategies;

/// <summary>Feeds candles in order and fills every signal at its price, so the context position follows the signals.</summary>
internal static class StrategyHarness
{
    public static List<(int Index, Signal Signal)> Run(StrategyBase strategy, IReadOnlyList<Candle> candles, decimal startPosition = 0m)
    {
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1) { PositionQuantity = startPosition };
        var signals = new List<(int, Signal)>();
        for (var i = 0; i < candles.Count; i++)
        {
            var candle = candles[i];
            context.Observe(candle);
            var signal = strategy.OnCandle(candle, context);
            if (signal is null) continue;
            signal.Validate();
            context.PositionQuantity += signal.Side == OrderSide.Buy ? signal.Quantity : -signal.Quantity;
            signals.Add((i, signal));
        }
        return signals;
    }

    public static string Sides(List<(int Index, Signal Signal)> signals) =>
        string.Join(" ", signals.Select(s => $"{(s.Signal.Side == OrderSide.Buy ? "B" : "S")}@{s.Index}"));

    public static Dictionary<string, string> Params(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
