using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// Rebuilds the account from the store (state lives in the store, not in memory): the initial quote balance,
/// every stored fill in time order, then each symbol marked at its latest stored close.
/// </summary>
public static class PortfolioReplay
{
    public static async Task<PortfolioAccount> BuildAsync(ITradingStore store, decimal initialQuote, DateTimeOffset start, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var fills = await store.Orders.GetFillsAsync(null, ct);
        var account = new PortfolioAccount(initialQuote, fills.Count > 0 ? fills.Min(f => f.Time) : start);
        foreach (var fill in fills) account.Apply(fill);
        foreach (var (symbol, price, time) in await LatestPricesAsync(store, ct))
            account.Mark(symbol, price, time);
        return account;
    }

    /// <summary>The newest stored close of each symbol, over all its timeframes.</summary>
    public static async Task<IReadOnlyList<(Symbol Symbol, decimal Price, DateTimeOffset Time)>> LatestPricesAsync(ITradingStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var prices = new List<(Symbol, decimal, DateTimeOffset)>();
        foreach (var group in (await store.Candles.ListSeriesAsync(ct)).GroupBy(s => s.Symbol))
        {
            var newest = group.MaxBy(s => s.LastOpenTimeMs + s.Timeframe.DurationMs)!;
            if (await store.Candles.GetLatestAsync(newest.Symbol, newest.Timeframe, ct) is { } candle)
                prices.Add((candle.Symbol, candle.Close, candle.CloseTime));
        }
        return prices;
    }
}
