using Trading.Core.Data;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Backtesting;

/// <summary>
/// Loads the candles of a backtest into one array. When the store has no candles in the asked timeframe, they are
/// resampled from the stored 1m candles (Binance alignment; partial buckets around halts are kept).
/// </summary>
public static class CandleLoader
{
    /// <summary>Candles are gathered in chunks of this many, so loading never over-allocates or copies more than once.</summary>
    private const int ChunkSize = 1 << 16;

    public static async Task<Candle[]> LoadAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candles = await ReadAsync(store, symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false);
        if (candles.Length > 0 || timeframe == Timeframe.M1) return candles;

        var resampler = new CandleResampler(timeframe);
        var resampled = new List<Candle>();
        await foreach (var candle in store.ReadAsync(symbol, Timeframe.M1, timeframe.AlignDown(fromMs), toMs, ct).ConfigureAwait(false))
        {
            if (resampler.Add(candle) is { } closed && closed.Candle.OpenTimeMs >= fromMs) resampled.Add(closed.Candle);
        }
        if (resampler.Flush() is { } last && last.Candle.OpenTimeMs >= fromMs) resampled.Add(last.Candle);
        return [.. resampled];
    }

    private static async Task<Candle[]> ReadAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        var full = new List<Candle[]>();
        var chunk = new Candle[ChunkSize];
        var used = 0;
        await foreach (var candle in store.ReadAsync(symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false))
        {
            if (used == chunk.Length)
            {
                full.Add(chunk);
                chunk = new Candle[ChunkSize];
                used = 0;
            }
            chunk[used++] = candle;
        }
        var all = new Candle[(full.Count * ChunkSize) + used];
        for (var i = 0; i < full.Count; i++) full[i].CopyTo(all, i * ChunkSize);
        Array.Copy(chunk, 0, all, full.Count * ChunkSize, used);
        return all;
    }
}
