using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// The executor's write side, used under the store's trading lock: every transition and fill is stored, booked by the
/// kernel, and published on <c>orders</c>/<c>fills</c>; the armed protective exits are journalled when they changed.
/// </summary>
internal sealed class OrderJournal(ITradingStore store, IMessageBus bus, ExecutionKernel kernel, ProtectiveExitJournal exits, TimeProvider time, ILogger logger)
{
    /// <summary>Runs after each booked update on its symbol: places exchange-held protective orders once they are due.</summary>
    public Func<Symbol, CancellationToken, Task>? AfterUpdate { get; set; }

    public async Task ApplyAllAsync(IReadOnlyList<VenueUpdate> updates, CancellationToken ct)
    {
        foreach (var update in updates) await ApplyAsync(update, ct);
    }

    public async Task ApplyAsync(VenueUpdate update, CancellationToken ct)
    {
        using var scope = logger.BeginScope(Observability.Logging.LogScopes.ForOrder(update.Order));
        if (update.Fill is { } fill)
        {
            // The fill and the order snapshot it made commit together: a crash or a stop never leaves one without the other.
            if (!await store.Orders.SaveFillAsync(fill, update.Order, update.Event, ct)) return;
        }
        else
        {
            var stored = await store.Orders.GetAsync(update.Order.Id, ct);
            if (stored is not null && stored.Status == update.Order.Status && stored.FilledQuantity == update.Order.FilledQuantity) return;
            await store.Orders.SaveAsync(update.Order, update.Event, ct);
        }
        var exitsBefore = kernel.Exits.Version;
        if (update.Fill is not null) kernel.Book(update.Fill);
        kernel.Track(update.Order);
        kernel.Settle(update.Order.Symbol);
        if (kernel.Exits.Version != exitsBefore) await exits.SaveAsync(kernel.Exits.Armed, ct);
        await PublishAsync(update.Order, update.Fill, ct);
        if (update.Fill is { } booked) logger.LogInformation("Fill {FillId} of order {OrderId}: {Quantity} at {Price}", booked.Id, booked.OrderId, booked.Quantity, booked.Price);
        if (update.Order.Status is OrderStatus.Rejected or OrderStatus.Failed or OrderStatus.Expired)
            logger.LogWarning("Order {OrderId} {Status}: {Cause}", update.Order.Id, update.Order.Status, update.Event.Cause);
        if (AfterUpdate is { } after) await after(update.Order.Symbol, ct);
    }

    public async Task SaveAsync(Order order, OrderEvent? transition, CancellationToken ct)
    {
        await store.Orders.SaveAsync(order, transition, ct);
        kernel.Track(order);
        await PublishAsync(order, null, ct);
    }

    public async Task PublishAsync(Order order, Fill? fill, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await bus.PublishAsync(StreamNames.Orders, ExecutionMessages.Order(order, now), ct);
        if (fill is not null) await bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(fill, now), ct);
    }

    /// <summary>The outcome of a step that reached the venue, with the order as stored now.</summary>
    public async Task<ExecutionOutcome> PlacedAsync(string orderId, string reason, CancellationToken ct) =>
        new(ExecutionResult.Placed, reason, await store.Orders.GetAsync(orderId, ct));
}
