using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// Rebuilds the account from the store (state lives in the store, not in memory): the initial quote balance, every stored
/// fill and balance adjustment (<see cref="BalanceAdjustments"/>) in time order, then each symbol marked at its latest stored close.
/// </summary>
public static class PortfolioReplay
{
    public static async Task<PortfolioAccount> BuildAsync(ITradingStore store, decimal initialQuote, DateTimeOffset start, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var fills = await store.Orders.GetFillsAsync(null, ct);
        var adjustments = await new BalanceAdjustments(store.SystemState).LoadAsync(ct);
        var first = fills.Select(f => f.Time).Concat(adjustments.Select(a => a.Time)).DefaultIfEmpty(start).Min();
        var account = new PortfolioAccount(initialQuote, first);
        var next = 0;
        foreach (var fill in fills.OrderBy(f => f.Time))
        {
            for (; next < adjustments.Count && adjustments[next].Time < fill.Time; next++)
                adjustments[next].ApplyTo(account);
            account.Apply(fill);
        }
        for (; next < adjustments.Count; next++)
            adjustments[next].ApplyTo(account);
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
