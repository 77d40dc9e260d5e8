using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Services.Portfolio;

/// <summary>
/// The portfolio manager's balance reconciliation (testnet/live): stored adjustments it has not booked yet (deposits seen by
/// the executor, its fixes) are booked first; then GET /api/v3/account is read twice, <see cref="SettleDelay"/> apart, and only
/// a difference found both times is fixed, so a fill still on its way over the bus is never mistaken for one. While an
/// order's outcome is unknown the check is deferred to the next round.
/// </summary>
public sealed class PortfolioBalanceCheck(IVenueAccount venue, ITradingStore store, IMessageBus bus, TimeProvider time, ILogger logger)
{
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs one check; <paramref name="locked"/> runs its action under the portfolio manager's lock. The fixes made.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(PortfolioTracker tracker, IEnumerable<Symbol> symbols,
        Func<Func<Task>, CancellationToken, ValueTask> locked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(locked);
        var tracked = symbols.ToList();
        var reconciler = new BalanceReconciler(store, bus, time, logger);
        IReadOnlyList<(string, decimal, decimal)> first = [];
        if (await BalanceReconciler.BlockerAsync(store, ct) is { } blocker)
        {
            logger.LogWarning("Balance reconciliation deferred: {Reason}", blocker);
            return [];
        }
        try
        {
            var exchange = await venue.BalancesAsync(ct);
            await locked(async () =>
            {
                if (await new BalanceAdjustments(store.SystemState).CatchUpAsync(tracker.Account, ct) > 0) await tracker.SaveAsync(ct);
                first = BalanceReconciler.Differences(tracker.Account, exchange, tracked);
            }, ct);
            if (first.Count > 0) await Task.Delay(SettleDelay, time, ct);
            var again = first.Count > 0 ? await venue.BalancesAsync(ct) : exchange;
            IReadOnlyList<string> fixes = [];
            await locked(async () =>
            {
                fixes = await reconciler.ReconcileAsync(tracker.Account, again, tracked, ct, confirmed: first);
                if (fixes.Count > 0) await tracker.SaveAsync(ct);
            }, ct);
            return fixes;
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Balance reconciliation skipped: {Reason}", e.Message);
            return [];
        }
    }
}
