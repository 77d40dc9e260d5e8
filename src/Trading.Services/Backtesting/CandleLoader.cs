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
        if (candles.Count > 0 || timeframe == Timeframe.M1) return [.. candles];

        var resampler = new CandleResampler(timeframe);
        var resampled = new List<Candle>();
        await foreach (var candle in store.ReadAsync(symbol, Timeframe.M1, timeframe.AlignDown(fromMs), toMs, ct).ConfigureAwait(false))
        {
            if (resampler.Add(candle) is { } closed && closed.Candle.OpenTimeMs >= fromMs) resampled.Add(closed.Candle);
        }
        if (resampler.Flush() is { } last && last.Candle.OpenTimeMs >= fromMs) resampled.Add(last.Candle);
        return [.. resampled];
    }

    private static async Task<List<Candle>> ReadAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        var expected = (int)Math.Clamp((toMs - fromMs) / timeframe.DurationMs, 0, 4_000_000);
        var candles = new List<Candle>(expected);
        await foreach (var candle in store.ReadAsync(symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false))
            candles.Add(candle);
        return candles;
    }
}
