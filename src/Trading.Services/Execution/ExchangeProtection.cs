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
    private readonly HashSet<Symbol> _releasing = [];

    public async Task EnsureAsync(Symbol symbol, CancellationToken ct)
    {
        if (_releasing.Contains(symbol) || !kernel.TryGetProtectionDue(symbol, out var levels, out var quantity)) return;
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

    /// <summary>
    /// Before a sell of the symbol (a strategy's exit, a manual sell): its open protective orders are cancelled so the coins
    /// they hold are free, and none is placed again until <paramref name="sell"/> (which submits the sell) has run. A partial
    /// sell leaves the rest armed, and it is protected again once the sell is done.
    /// </summary>
    public async Task<T> ReleaseForSellAsync<T>(Symbol symbol, Func<Task<T>> sell, CancellationToken ct)
    {
        _releasing.Add(symbol);
        T result;
        try
        {
            foreach (var leg in await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct))
            {
                if (leg.Symbol != symbol || !IsProtective(leg.ClientOrderId) || await store.Orders.GetAsync(leg.Id, ct) is not { IsOpen: true } open) continue;
                // Cancelling one leg cancels the list at the exchange: the other answers "unknown order" and is then queried.
                if (await dispatch.CancelAsync(open, ct) is { } refused)
                {
                    logger.LogInformation("Protective order {ClientOrderId} not cancelled ({Reason}); looking it up", open.ClientOrderId, refused);
                    await dispatch.ResolveUnknownAsync(open, ct);
                }
            }
            result = await sell();
        }
        finally
        {
            _releasing.Remove(symbol);
        }
        await EnsureAsync(symbol, ct);
        return result;
    }

    /// <summary>Protective orders' client ids start with "p" (signals' with "t").</summary>
    public static bool IsProtective(string clientOrderId) => clientOrderId.StartsWith('p');

    private static string ProtectiveId(string seed) => "p" + ClientOrderIds.FromSignal(seed)[1..];

    /// <summary>The pair's orders (Created) under the first attempt number whose ids the store has never seen.</summary>
    private async Task<ProtectiveOrderPair> NewPairAsync(Symbol symbol, ProtectiveLevels levels, decimal quantity, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var listId = ProtectiveId($"protect-{symbol}-{levels.StopLoss}-{levels.TakeProfit}-{quantity}-{attempt}");
            var stopId = ProtectiveId($"{listId}-stop");
            var targetId = ProtectiveId($"{listId}-target");
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
