using System.Globalization;
using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Services.Portfolio;

/// <summary>
/// Compares an account's balances with GET /api/v3/account and fixes every difference: a tracked asset (the quote asset and
/// the base assets of <paramref name="symbols"/>) gets a stored <see cref="BalanceAdjustment"/> booked into the account; any
/// other asset the exchange holds is written to the store's balances. Each difference is logged as a warning, published
/// on <c>system.events</c> as <see cref="EventKind"/>, and returned.
/// </summary>
public sealed class BalanceReconciler(ITradingStore store, IMessageBus bus, TimeProvider time, ILogger logger)
{
    public const string EventKind = "balance-reconciliation";

    /// <summary>
    /// Why balances cannot be compared now, or null: an order whose outcome is still unknown (Submitted) may hold a trade the
    /// exchange's balances show and the store does not yet, and fixing that as a transfer would count it twice later.
    /// </summary>
    public static async Task<string?> BlockerAsync(ITradingStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var unresolved = (await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct)).Where(o => o.Status == OrderStatus.Submitted).ToList();
        return unresolved.Count == 0 ? null
            : $"balances not reconciled: the outcome of {unresolved.Count} order(s) is still unknown ({string.Join(", ", unresolved.Take(3).Select(o => o.ClientOrderId))})";
    }

    /// <summary>The tracked assets whose local total differs from the exchange's (free + locked): asset, local, exchange.</summary>
    public static IReadOnlyList<(string Asset, decimal Local, decimal Exchange)> Differences(PortfolioAccount account, VenueBalances exchange,
        IEnumerable<Symbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(exchange);
        return TrackedSymbols(account, symbols)
            .Select(s => (Asset: s.BaseAsset, Local: account.Quantity(s)))
            .Prepend((Asset: account.QuoteAsset, Local: account.Cash))
            .Select(x => (x.Asset, x.Local, Exchange: exchange.Balance(x.Asset).Total))
            .Where(x => x.Local != x.Exchange)
            .ToList();
    }

    /// <summary>
    /// Fixes the differences of <paramref name="account"/> against <paramref name="exchange"/>; when <paramref name="confirmed"/>
    /// is given, only those whose amounts it also found (a difference seen twice is no fill still on its way).
    /// </summary>
    public async Task<IReadOnlyList<string>> ReconcileAsync(PortfolioAccount account, VenueBalances exchange, IEnumerable<Symbol> symbols,
        CancellationToken ct, IReadOnlyList<(string Asset, decimal Local, decimal Exchange)>? confirmed = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(exchange);
        var tracked = TrackedSymbols(account, symbols).ToList();
        var now = time.GetUtcNow();
        var reports = new List<string>();
        var adjustments = new BalanceAdjustments(store.SystemState);
        foreach (var (asset, local, remote) in Differences(account, exchange, tracked))
        {
            if (confirmed is not null && !confirmed.Contains((asset, local, remote))) continue;
            var symbol = tracked.FirstOrDefault(s => s.BaseAsset == asset);
            var price = asset != account.QuoteAsset && account.TryGetLatestPrice(symbol, out var last) ? last : 0m;
            var adjustment = new BalanceAdjustment(
                string.Create(CultureInfo.InvariantCulture, $"adj:{asset}:{now.ToUnixTimeMilliseconds()}:{Guid.NewGuid():N}"),
                asset, remote - local, price, now, "reconciled with GET /api/v3/account");
            await adjustments.AppendAsync(adjustment, ct);
            adjustment.ApplyTo(account);
            reports.Add(string.Create(CultureInfo.InvariantCulture,
                $"{asset}: the portfolio had {Amount(local)}, the exchange has {Amount(remote)}: adjusted by {Amount(adjustment.Delta)}"));
        }
        foreach (var tracking in tracked.Select(s => s.BaseAsset).Prepend(account.QuoteAsset))
        {
            var balance = exchange.Balance(tracking);
            await store.Portfolio.SaveBalanceAsync(tracking, balance.Free, balance.Locked, ct);
        }
        await ReconcileUntrackedAsync(exchange, tracked.Select(s => s.BaseAsset).Append(account.QuoteAsset).ToHashSet(StringComparer.Ordinal), reports, ct);
        foreach (var report in reports)
        {
            logger.LogWarning("Balance reconciliation: {Difference}", report);
            await bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent(EventKind, report, now), ct);
        }
        return reports;
    }

    /// <summary>Assets no traded symbol covers (e.g. BNB) are not in the portfolio; the store's balances follow the exchange.</summary>
    private async Task ReconcileUntrackedAsync(VenueBalances exchange, HashSet<string> tracked, List<string> reports, CancellationToken ct)
    {
        var stored = await store.Portfolio.GetBalancesAsync(ct);
        var assets = exchange.Assets.Values.Where(b => b.Total != 0).Select(b => b.Asset)
            .Concat(stored.Where(b => b.Value.Free + b.Value.Locked != 0).Select(b => b.Key))
            .Where(a => !tracked.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            var remote = exchange.Balance(asset);
            var local = stored.GetValueOrDefault(asset);
            if (local.Free == remote.Free && local.Locked == remote.Locked) continue;
            await store.Portfolio.SaveBalanceAsync(asset, remote.Free, remote.Locked, ct);
            reports.Add(string.Create(CultureInfo.InvariantCulture,
                $"{asset} (not traded): the store had {Amount(local.Free + local.Locked)}, the exchange has {Amount(remote.Total)}: store updated"));
        }
    }

    private static string Amount(decimal value) => value.ToString("0.##################", CultureInfo.InvariantCulture);

    private static IEnumerable<Symbol> TrackedSymbols(PortfolioAccount account, IEnumerable<Symbol> symbols) =>
        symbols.Concat(account.OpenPositions().Select(p => p.Symbol))
            .Where(s => s.QuoteAsset == account.QuoteAsset)
            .DistinctBy(s => s.BaseAsset);
}
