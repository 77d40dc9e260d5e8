using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// Rebuilds the account from the store (state lives in the store, not in memory): the initial quote balance, every stored
/// fill in booking order with the balance adjustments (<see cref="BalanceAdjustments"/>) by time, then each symbol marked
/// at its latest stored close. A fill the account cannot book (the books disagree) is left out and reported, never thrown.
/// </summary>
public static class PortfolioReplay
{
    public const string RepairHint =
        "repair: `trading portfolio repair` books each shortfall as a balance adjustment just before the fill, so the stored fills replay";

    public static async Task<PortfolioAccount> BuildAsync(ITradingStore store, decimal initialQuote, DateTimeOffset start, CancellationToken ct = default,
        ICollection<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var fills = (await store.Orders.GetFillsBookedAfterAsync(null, ct)).Select(b => b.Fill).ToList();
        var adjustments = await new BalanceAdjustments(store.SystemState).LoadAsync(ct);
        var first = fills.Select(f => f.Time).Concat(adjustments.Select(a => a.Time)).DefaultIfEmpty(start).Min();
        var account = new PortfolioAccount(initialQuote, first);
        var next = 0;
        foreach (var fill in fills)
        {
            for (; next < adjustments.Count && adjustments[next].Time < fill.Time; next++)
                adjustments[next].ApplyTo(account);
            try
            {
                account.Apply(fill);
            }
            catch (PortfolioException e)
            {
                problems?.Add(Describe(fill, e.Message));
            }
        }
        for (; next < adjustments.Count; next++)
            adjustments[next].ApplyTo(account);
        foreach (var (symbol, price, time) in await LatestPricesAsync(store, ct))
            account.Mark(symbol, price, time);
        return account;
    }

    /// <summary>Where the books disagree: the fill, its order and why it cannot be booked.</summary>
    public static string Describe(Fill fill, string problem)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return string.Create(CultureInfo.InvariantCulture,
            $"fill {fill.Id} of order {fill.OrderId} ({fill.Side} {fill.Quantity} {fill.Symbol} at {fill.Price}, {fill.Time:yyyy-MM-dd HH:mm:ss}) is not booked: {problem}");
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
