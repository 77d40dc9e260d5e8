using Trading.Core.Model;

namespace Trading.Core.Tests.Strategies;

/// <summary>Hand-built 1m BTCUSDT candles for strategy tests.</summary>
internal static class CandleFactory
{
    public const long StartMs = 1_700_000_040_000; // aligned to the minute

    public static Symbol Btc { get; } = new("BTCUSDT");

    /// <summary>Candle i opens at the previous close and closes at closes[i]; high/low hug the body.</summary>
    public static Candle[] FromCloses(params decimal[] closes)
    {
        var candles = new Candle[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var open = i == 0 ? closes[0] : closes[i - 1];
            candles[i] = Bar(i, open, Math.Max(open, closes[i]), Math.Min(open, closes[i]), closes[i]);
        }
        return candles;
    }

    public static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close, decimal volume = 10m) =>
        Candle.Create(Btc, Timeframe.M1, StartMs + (index * Timeframe.M1.DurationMs), open, high, low, close, volume);
}
