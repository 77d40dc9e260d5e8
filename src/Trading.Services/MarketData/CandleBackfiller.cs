using Trading.Binance;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.MarketData;

/// <summary>
/// Downloads closed klines from Binance REST and upserts them page by page (one transaction per 1000 rows).
/// Bars still open at the server's current time are left out. Used by `data history` and by the collector's gap fill.
/// </summary>
public sealed class CandleBackfiller(BinanceMarketDataClient client, ICandleStore store)
{
    /// <summary>Stores [fromMs, toMs] (open times; null = up to now) and calls <paramref name="onStored"/> after each page.</summary>
    public async Task<long> RunAsync(
        Symbol symbol, Timeframe timeframe, long fromMs, long? toMs,
        Func<IReadOnlyList<Candle>, CancellationToken, ValueTask>? onStored, CancellationToken ct)
    {
        var serverNowMs = (await client.GetServerTimeAsync(ct)).ToUnixTimeMilliseconds();
        long stored = 0;
        await foreach (var page in client.StreamKlinesAsync(symbol, timeframe, fromMs, toMs, ct))
        {
            var closed = page[^1].CloseTimeMs < serverNowMs ? page : page.Where(c => c.CloseTimeMs < serverNowMs).ToList();
            if (closed.Count == 0) break;
            await store.UpsertAsync(closed, ct);
            stored += closed.Count;
            if (onStored is not null) await onStored(closed, ct);
        }
        return stored;
    }
}
