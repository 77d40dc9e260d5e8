using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting;

/// <summary>Hand-built 1m BTCUSDT candles for engine tests.</summary>
internal static class EngineCandles
{
    public const long T0 = 1_672_531_200_000; // 2023-01-01 00:00 UTC

    public static Symbol Btc { get; } = new("BTCUSDT");

    public static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close) =>
        Candle.Create(Btc, Timeframe.M1, T0 + (index * 60_000L), open, high, low, close, 1m);

    /// <summary>Candle i opens at 100 + i and closes at 100.5 + i, with a range of ±1 around the body.</summary>
    public static Candle[] Rising(int count)
    {
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
            candles[i] = Bar(i, 100m + i, 101.5m + i, 99m + i, 100.5m + i);
        return candles;
    }
}
