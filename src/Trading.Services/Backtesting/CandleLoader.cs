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

    /// <summary>
    /// Reads the range as two halves at once (each store read is single-threaded, so this uses a second core), then
    /// joins them in time order.
    /// </summary>
    private static async Task<Candle[]> ReadAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        var first = await FirstOpenTimeAsync(store, symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false);
        if (first is null || await store.GetLatestAsync(symbol, timeframe, ct).ConfigureAwait(false) is not { } latest) return [];
        var last = Math.Min(latest.OpenTimeMs, toMs - 1);
        var middle = timeframe.AlignDown(first.Value + ((last - first.Value) / 2));
        var early = Task.Run(() => ReadChunksAsync(store, symbol, timeframe, fromMs, Math.Min(middle, toMs), ct), ct);
        var late = Task.Run(() => ReadChunksAsync(store, symbol, timeframe, Math.Max(middle, fromMs), toMs, ct), ct);
        var parts = await Task.WhenAll(early, late).ConfigureAwait(false);
        var all = new Candle[parts[0].Count + parts[1].Count];
        parts[0].CopyTo(all, 0);
        parts[1].CopyTo(all, parts[0].Count);
        return all;
    }

    private static async Task<long?> FirstOpenTimeAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        await foreach (var candle in store.ReadAsync(symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false)) return candle.OpenTimeMs;
        return null;
    }

    private static async Task<CandleChunks> ReadChunksAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        var chunks = new CandleChunks();
        await foreach (var candle in store.ReadAsync(symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false)) chunks.Add(candle);
        return chunks;
    }
}
