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
    /// Reads the range as two halves at once (each store read is single-threaded, so this uses a second core). The
    /// halves are counted first and read straight into their places in one array; if the store changed between
    /// counting and reading, they are read again into chunks and joined.
    /// </summary>
    private static async Task<Candle[]> ReadAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        var first = await FirstOpenTimeAsync(store, symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false);
        if (first is null || await store.GetLatestAsync(symbol, timeframe, ct).ConfigureAwait(false) is not { } latest) return [];
        var last = Math.Min(latest.OpenTimeMs, toMs - 1);
        var middle = timeframe.AlignDown(first.Value + ((last - first.Value) / 2));
        (long From, long To)[] halves = [(fromMs, Math.Min(middle, toMs)), (Math.Max(middle, fromMs), toMs)];
        var counts = await Task.WhenAll(halves.Select(h => store.CountAsync(symbol, timeframe, h.From, h.To, ct))).ConfigureAwait(false);
        var all = new Candle[counts[0] + counts[1]];
        var filled = await Task.WhenAll(
            Task.Run(() => FillAsync(store, symbol, timeframe, halves[0], new ArraySegment<Candle>(all, 0, (int)counts[0]), ct), ct),
            Task.Run(() => FillAsync(store, symbol, timeframe, halves[1], new ArraySegment<Candle>(all, (int)counts[0], (int)counts[1]), ct), ct)).ConfigureAwait(false);
        if (filled[0] && filled[1]) return all;

        var parts = await Task.WhenAll(halves.Select(h => Task.Run(() => ReadChunksAsync(store, symbol, timeframe, h.From, h.To, ct), ct))).ConfigureAwait(false);
        all = new Candle[parts[0].Count + parts[1].Count];
        parts[0].CopyTo(all, 0);
        parts[1].CopyTo(all, parts[0].Count);
        return all;
    }

    /// <summary>Reads the range into <paramref name="target"/>; false unless it held exactly as many candles as the target has room for.</summary>
    private static async Task<bool> FillAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, (long From, long To) range, ArraySegment<Candle> target, CancellationToken ct)
    {
        var array = target.Array!;
        int next = target.Offset, end = target.Offset + target.Count;
        await foreach (var candle in store.ReadAsync(symbol, timeframe, range.From, range.To, ct).ConfigureAwait(false))
        {
            if (next == end) return false;
            array[next++] = candle;
        }
        return next == end;
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
