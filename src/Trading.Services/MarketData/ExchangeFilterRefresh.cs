using Trading.Binance;
using Trading.Core.Storage;

namespace Trading.Services.MarketData;

/// <summary>Fetches exchangeInfo and stores every symbol's status, assets and filters with the time of the fetch.</summary>
public static class ExchangeFilterRefresh
{
    public static async Task<IReadOnlyList<StoredSymbolInfo>> RefreshAsync(
        BinanceMarketDataClient client, ISymbolFilterStore store, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var info = await client.GetExchangeInfoAsync(ct);
        var fetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var symbols = info.Symbols.Values.OrderBy(s => s.Symbol.Name, StringComparer.Ordinal).ToArray();
        await store.SaveAsync(symbols, fetchedAt, ct);
        return [.. symbols.Select(s => new StoredSymbolInfo(s, fetchedAt))];
    }
}
