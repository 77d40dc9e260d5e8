using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// Testnet/live start-up (and every user-data reconnect): every open order in the store is looked up at the venue by its
/// client order id and brought up to the venue's state (fills, cancels, or Failed when the venue never had it); open exchange
/// orders the store does not know are reported. At start-up the executor's balances are then reconciled with
/// the venue's account (<see cref="IVenueAccount"/>, <see cref="BalanceReconciler"/>). Each difference is logged as a warning and published on
/// <c>system.events</c> as "reconciliation" (orders) or "balance-reconciliation".
/// </summary>
public static class StartupReconciler
{
    public const string EventKind = "reconciliation";

    public static async Task<IReadOnlyList<string>> ReconcileAsync(ITradingStore store, IMessageBus bus, IExecutionVenue venue, OrderExecutor executor,
        TimeProvider time, ILogger logger, CancellationToken ct, IEnumerable<Symbol>? balanceSymbols = null)
    {
        var differences = await ReconcileOrdersAsync(store, bus, venue, executor, time, logger, ct);
        if (balanceSymbols is null || venue.Account is not { } exchange) return differences;
        if (await BalanceReconciler.BlockerAsync(store, ct) is { } blocker)
        {
            await ReportAsync(bus, time, logger, [blocker], ct);
            return [.. differences, blocker];
        }
        try
        {
            var account = await exchange.BalancesAsync(ct);
            // Under the trading lock, on the account refreshed from the store: a difference another process already fixed
            // (its adjustment is stored) is no longer a difference here, so it is never booked twice.
            IReadOnlyList<string> fixes = [];
            await executor.WithAccountAsync(async (local, token) =>
                fixes = await new BalanceReconciler(store, bus, time, logger).ReconcileAsync(local, account, balanceSymbols, token), ct);
            return [.. differences, .. fixes];
        }
        catch (VenueOutcomeUnknownException e)
        {
            var problem = $"balances could not be checked: {e.Message}";
            await ReportAsync(bus, time, logger, [problem], ct);
            return [.. differences, problem];
        }
    }

    /// <summary>Brings every open stored order up to the venue's state, under the executor's lock; the differences found.</summary>
    public static async Task<IReadOnlyList<string>> ReconcileOrdersAsync(ITradingStore store, IMessageBus bus, IExecutionVenue venue, OrderExecutor executor,
        TimeProvider time, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(executor);
        var differences = new List<string>();
        var open = await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct);
        foreach (var order in open.Where(o => o.Status != OrderStatus.Created))
        {
            try
            {
                await executor.ApplyToStoredOrderAsync(order.ClientOrderId, async (stored, token) =>
                {
                    if (!stored.IsOpen || stored.Status == OrderStatus.Created) return [];
                    var updates = await venue.QueryAsync(stored, token)
                        ?? [VenueUpdate.From(OrderStateMachine.Fail(stored, time.GetUtcNow(), "the venue has no such order at reconciliation"))];
                    if (updates.Count > 0)
                        differences.Add($"order {stored.ClientOrderId} was {stored.Status} in the store, {updates[^1].Order.Status} at the venue: store updated");
                    return updates;
                }, ct);
            }
            catch (VenueOutcomeUnknownException e)
            {
                differences.Add($"order {order.ClientOrderId} ({order.Status}) could not be checked: {e.Message}");
            }
        }
        if (venue.Account is { } account) await FindForeignOrdersAsync(store, account, differences, ct);
        await ReportAsync(bus, time, logger, differences, ct);
        return differences;
    }

    private static async Task ReportAsync(IMessageBus bus, TimeProvider time, ILogger logger, IEnumerable<string> differences, CancellationToken ct)
    {
        foreach (var difference in differences)
        {
            logger.LogWarning("Reconciliation: {Difference}", difference);
            await bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent(EventKind, difference, time.GetUtcNow()), ct);
        }
    }

    private static async Task FindForeignOrdersAsync(ITradingStore store, IVenueAccount venue, List<string> differences, CancellationToken ct)
    {
        IReadOnlyList<VenueOpenOrder> exchangeOpen;
        try
        {
            exchangeOpen = await venue.OpenOrdersAsync(ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            differences.Add(e.Message);
            return;
        }
        var known = (await store.Orders.ListAsync(openOnly: false, limit: 100_000, ct)).Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var foreign in exchangeOpen.Where(o => !known.Contains(o.ClientOrderId)))
            differences.Add($"open order {foreign.ClientOrderId} ({foreign.Side} {foreign.Quantity} {foreign.Symbol}) is at the exchange but not in the store");
    }
}
