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

    /// <summary>Like <see cref="FromCloses"/> but with wicks: high = max(open, close) + spreads[i], low = min(open, close) - spreads[i].</summary>
    public static Candle[] WithWicks(decimal[] closes, decimal[] spreads)
    {
        var candles = new Candle[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var open = i == 0 ? closes[0] : closes[i - 1];
            candles[i] = Bar(i, open, Math.Max(open, closes[i]) + spreads[i], Math.Min(open, closes[i]) - spreads[i], closes[i]);
        }
        return candles;
    }

    public static Candle[] WithWicks(decimal spread, params decimal[] closes) => WithWicks(closes, closes.Select(_ => spread).ToArray());

    /// <summary>15 bars alternating 100/101, a rally of +3 for 8 bars, then a fall of -4 for 8 bars (wicks of 1).</summary>
    public static decimal[] RallyThenFall() =>
        [.. Enumerable.Range(0, 15).Select(i => 100m + (i % 2)), .. Enumerable.Range(1, 8).Select(k => 101m + (3 * k)), .. Enumerable.Range(1, 8).Select(k => 125m - (4 * k))];

    public static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close, decimal volume = 10m) =>
        Candle.Create(Btc, Timeframe.M1, StartMs + (index * Timeframe.M1.DurationMs), open, high, low, close, volume);
}
