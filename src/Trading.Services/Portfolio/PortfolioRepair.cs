using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// Makes disagreeing books replay again (`trading portfolio repair`): under the store's trading lock, the stored fills are
/// replayed in booking order, and before each fill the account cannot book, the missing cash or base asset is stored as a
/// balance adjustment (a transfer in, reason "repair: ..."), dated 1 ms before the fill. Fills and orders are never changed,
/// so the repair is visible and can be undone by removing the adjustments. Returns the adjustments it stored.
/// </summary>
public static class PortfolioRepair
{
    public static async Task<IReadOnlyList<BalanceAdjustment>> RepairAsync(ITradingStore store, decimal initialQuote, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var held = await store.TradingLock.AcquireAsync(ct);
        var adjustments = new BalanceAdjustments(store.SystemState);
        var stored = await adjustments.LoadAsync(ct);
        var fills = (await store.Orders.GetFillsBookedAfterAsync(null, ct)).Select(b => b.Fill).ToList();
        var first = fills.Select(f => f.Time).Concat(stored.Select(a => a.Time)).DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        var account = new PortfolioAccount(initialQuote, first.AddMilliseconds(-1));
        var added = new List<BalanceAdjustment>();
        var next = 0;
        foreach (var fill in fills)
        {
            for (; next < stored.Count && stored[next].Time < fill.Time; next++) stored[next].ApplyTo(account);
            try
            {
                account.Apply(fill);
            }
            catch (PortfolioException e)
            {
                var fix = Shortfall(account, fill, e.Message);
                if (fix is null || !fix.ApplyTo(account)) throw;
                account.Apply(fill);
                await adjustments.AppendAsync(fix, ct);
                added.Add(fix);
            }
        }
        return added;
    }

    /// <summary>The transfer that lets the account book <paramref name="fill"/>: the cash a buy lacks, or the base a sell lacks.</summary>
    private static BalanceAdjustment? Shortfall(PortfolioAccount account, Fill fill, string problem)
    {
        var quoteFee = fill.FeeAsset == account.QuoteAsset ? fill.Fee : 0m;
        var baseFee = fill.FeeAsset == fill.Symbol.BaseAsset ? fill.Fee : 0m;
        var (asset, missing) = fill.Side == OrderSide.Buy
            ? (account.QuoteAsset, fill.Quantity * fill.Price + quoteFee - account.Cash)
            : (fill.Symbol.BaseAsset, fill.Quantity + baseFee - account.Quantity(fill.Symbol));
        if (missing <= 0) return null;
        return new BalanceAdjustment($"repair-{fill.Id}", asset, missing, fill.Side == OrderSide.Buy ? 0m : fill.Price,
            fill.Time.AddMilliseconds(-1), string.Create(CultureInfo.InvariantCulture, $"repair: fill {fill.Id} of order {fill.OrderId}: {problem}"));
    }
}
