using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Services.Execution;

/// <summary>
/// The executor's crash-only conversation with the venue, under the store's trading lock: a Submitted order is sent once; an
/// unknown outcome is resolved by a query by client order id, never by a resend; what the venue answers is journalled.
/// </summary>
internal sealed class VenueDispatch(IExecutionVenue venue, OrderJournal journal, MarketState market, TimeProvider time, ILogger logger)
{
    public IExecutionVenue Venue => venue;

    /// <summary>An order stored as Created (by an earlier version, before a crash): stored as Submitted, then sent.</summary>
    public async Task<ExecutionOutcome> SubmitAsync(Order order, CancellationToken ct)
    {
        var submitted = OrderStateMachine.Submit(order, time.GetUtcNow());
        await journal.SaveAsync(submitted.Order, submitted.Event, ct);
        return await SendAsync(submitted.Order, ct);
    }

    public async Task<ExecutionOutcome> SendAsync(Order submitted, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await venue.PlaceAsync(submitted, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Order {ClientOrderId}: outcome unknown ({Reason}); resolving by query, never by a resend", submitted.ClientOrderId, e.Message);
            return await ResolveUnknownAsync(submitted, ct);
        }
        await journal.ApplyAllAsync(updates, ct);
        return await journal.PlacedAsync(submitted.Id, "sent to the venue", ct);
    }

    /// <summary>
    /// Cancels <paramref name="open"/> and places <paramref name="submitted"/> in one request; an unknown outcome is resolved by
    /// querying both, never by a resend.
    /// </summary>
    public async Task<ExecutionOutcome> ReplaceAsync(Order open, Order submitted, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await venue.Replacing!.ReplaceAsync(open, submitted, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Replacement {ClientOrderId} of {Old}: outcome unknown ({Reason}); resolving both by query", submitted.ClientOrderId,
                open.ClientOrderId, e.Message);
            await RefreshAsync(open, ct);
            return await ResolveUnknownAsync(submitted, ct);
        }
        await journal.ApplyAllAsync(updates, ct);
        return await journal.PlacedAsync(submitted.Id, "replaced the open order at the venue", ct);
    }

    /// <summary>Brings a stored order up to the venue's state; left for a later look-up when the venue cannot tell now.</summary>
    private async Task RefreshAsync(Order stored, CancellationToken ct)
    {
        try
        {
            if (await venue.QueryAsync(stored, ct) is { } updates) await journal.ApplyAllAsync(updates, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Order {ClientOrderId} could not be looked up: {Reason}", stored.ClientOrderId, e.Message);
        }
    }

    /// <summary>Sends a protective exit the kernel triggered; an unknown outcome is resolved by query.</summary>
    public async Task SendExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await venue.PlaceExitAsync(submitted, trigger, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Exit {ClientOrderId}: outcome unknown ({Reason}); resolving by query", submitted.ClientOrderId, e.Message);
            await ResolveUnknownAsync(submitted, ct);
            return;
        }
        await journal.ApplyAllAsync(updates, ct);
    }

    public async Task<ExecutionOutcome> ResolveUnknownAsync(Order submitted, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate>? updates;
        try
        {
            updates = await venue.QueryAsync(submitted, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            logger.LogWarning("Order {ClientOrderId} still unresolved: {Reason}", submitted.ClientOrderId, e.Message);
            market.Track(submitted);
            return new ExecutionOutcome(ExecutionResult.Unresolved, e.Message, submitted);
        }
        if (updates is null)
        {
            var failed = OrderStateMachine.Fail(submitted, time.GetUtcNow(), "the venue has no order with this client order id");
            await journal.SaveAsync(failed.Order, failed.Event, ct);
            return new ExecutionOutcome(ExecutionResult.Placed, "the venue never received the order", failed.Order);
        }
        await journal.ApplyAllAsync(updates, ct);
        return await journal.PlacedAsync(submitted.Id, "resolved by query", ct);
    }

    /// <summary>Cancels an open order; the venue's reason when it refused, else null.</summary>
    public async Task<string?> CancelAsync(Order open, CancellationToken ct)
    {
        try
        {
            await journal.ApplyAllAsync(await venue.CancelAsync(open, ct), ct);
            return null;
        }
        catch (VenueRejectedException e)
        {
            return e.Message;
        }
    }
}
