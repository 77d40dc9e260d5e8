using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// Testnet/live start-up: every open order in the store is looked up at the venue by its client order id and brought up to
/// the venue's state (fills, cancels, or Failed when the venue never had it); open exchange orders the store does not know
/// are reported. Each difference is logged as a warning and published on <c>system.events</c> as "reconciliation".
/// </summary>
public static class StartupReconciler
{
    public const string EventKind = "reconciliation";

    public static async Task<IReadOnlyList<string>> ReconcileAsync(ITradingStore store, IMessageBus bus, IExecutionVenue venue, OrderExecutor executor,
        TimeProvider time, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(executor);
        var differences = new List<string>();
        var open = await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct);
        foreach (var order in open.Where(o => o.Status != OrderStatus.Created))
        {
            IReadOnlyList<VenueUpdate>? updates;
            try
            {
                updates = await venue.QueryAsync(order, ct);
            }
            catch (VenueOutcomeUnknownException e)
            {
                differences.Add($"order {order.ClientOrderId} ({order.Status}) could not be checked: {e.Message}");
                continue;
            }
            updates ??= [VenueUpdate.From(OrderStateMachine.Fail(order, time.GetUtcNow(), "the venue has no such order at start-up"))];
            foreach (var update in updates) await executor.ApplyVenueUpdateAsync(update, ct);
            if (updates.Count > 0) differences.Add($"order {order.ClientOrderId} was {order.Status} in the store, {updates[^1].Order.Status} at the venue: store updated");
        }
        if (venue is BinanceVenue binance) await FindForeignOrdersAsync(store, binance, differences, ct);
        foreach (var difference in differences)
        {
            logger.LogWarning("Start-up reconciliation: {Difference}", difference);
            await bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent(EventKind, difference, time.GetUtcNow()), ct);
        }
        return differences;
    }

    private static async Task FindForeignOrdersAsync(ITradingStore store, BinanceVenue venue, List<string> differences, CancellationToken ct)
    {
        IReadOnlyList<Binance.Orders.ExchangeOrder> exchangeOpen;
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
