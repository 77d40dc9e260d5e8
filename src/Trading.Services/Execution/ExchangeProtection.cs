using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// PROTECTIVE_ORDERS=exchange (docs/execution.md): once a symbol's exits are armed and nothing of it is on order, its stop-loss
/// and take-profit are stored as two Submitted sell orders and placed at the exchange as one OCO (or the one order there is).
/// Their client order ids derive from the symbol, the levels, the quantity and an attempt number, and the stored open orders
/// make the symbol "on order", so nothing is ever placed twice: a restart finds them open (reconciled by query), filled
/// (the exit is booked, the symbol is flat) or failed (a new attempt). Runs under the executor's trading lock.
/// </summary>
internal sealed class ExchangeProtection(ITradingStore store, ExecutionKernel kernel, OrderJournal journal, VenueDispatch dispatch,
    IProtectiveOrderVenue venue, TimeProvider time, ILogger logger)
{
    public async Task EnsureAsync(Symbol symbol, CancellationToken ct)
    {
        if (!kernel.TryGetProtectionDue(symbol, out var levels, out var quantity)) return;
        var pair = await NewPairAsync(symbol, levels, quantity, ct);
        var now = time.GetUtcNow();
        foreach (var order in pair.Orders)
        {
            var submitted = OrderStateMachine.Submit(order, now);
            await journal.SaveAsync(submitted.Order, submitted.Event, ct);
        }
        pair = pair with
        {
            StopLoss = pair.StopLoss is null ? null : await store.Orders.GetAsync(pair.StopLoss.Id, ct),
            TakeProfit = pair.TakeProfit is null ? null : await store.Orders.GetAsync(pair.TakeProfit.Id, ct),
        };
        logger.LogInformation("Protecting {Quantity} {Symbol} at the exchange: stop {Stop}, target {Target} (list {ListId})",
            quantity, symbol, levels.StopLoss, levels.TakeProfit, pair.ListClientOrderId);
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await venue.PlaceProtectiveAsync(pair, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Protective orders {ListId}: outcome unknown ({Reason}); resolving by query, never by a resend", pair.ListClientOrderId, e.Message);
            foreach (var order in pair.Orders) await dispatch.ResolveUnknownAsync(order, ct);
            return;
        }
        await journal.ApplyAllAsync(updates, ct);
    }

    /// <summary>The pair's orders (Created) under the first attempt number whose ids the store has never seen.</summary>
    private async Task<ProtectiveOrderPair> NewPairAsync(Symbol symbol, ProtectiveLevels levels, decimal quantity, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var listId = ClientOrderIds.FromSignal($"protect-{symbol}-{levels.StopLoss}-{levels.TakeProfit}-{quantity}-{attempt}");
            var stopId = ClientOrderIds.FromSignal($"{listId}-stop");
            var targetId = ClientOrderIds.FromSignal($"{listId}-target");
            if (await store.Orders.GetByClientOrderIdAsync(stopId, ct) is not null || await store.Orders.GetByClientOrderIdAsync(targetId, ct) is not null)
                continue;
            var now = time.GetUtcNow();
            Order Sell(string id, OrderType type, decimal? price) => new()
            {
                Id = id, ClientOrderId = id, Symbol = symbol, Side = OrderSide.Sell, Type = type, Price = price, Quantity = quantity,
                CreatedAt = now, UpdatedAt = now,
            };
            return new ProtectiveOrderPair(symbol, listId,
                levels.StopLoss is null ? null : Sell(stopId, OrderType.Market, null), levels.StopLoss,
                levels.TakeProfit is { } target ? Sell(targetId, OrderType.Limit, target) : null);
        }
    }
}
