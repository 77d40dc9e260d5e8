using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// What a closed candle obliges the executor to do under the store's trading lock, as the backtest does on the same candle:
/// send the protective exit the kernel triggers, then cancel (and re-price) the limit entries that timed out; a venue that can
/// replaces a re-priced entry in one request (<see cref="IOrderReplacingVenue"/>).
/// </summary>
internal sealed class CandleDuties(ITradingStore store, ExecutionKernel kernel, OrderJournal journal, VenueDispatch dispatch,
    ProtectiveExitJournal exits, TimeProvider time, ILogger logger)
{
    private readonly List<LimitEntryReview> _reviews = [];

    public bool HasAny(Symbol symbol) => kernel.Exits.TryGet(symbol, out _) || kernel.LimitEntries.Count > 0;

    public async Task RunAsync(Candle candle, Func<ExecutionRequest, CancellationToken, Task<ExecutionOutcome>> place, CancellationToken ct)
    {
        await TriggerExitAsync(candle, ct);
        await ReviewLimitEntriesAsync(candle, place, ct);
    }

    /// <summary>Sends the exit the kernel triggers on <paramref name="candle"/>, once: its client order id comes from the candle.</summary>
    private async Task TriggerExitAsync(Candle candle, CancellationToken ct)
    {
        if (!kernel.TryTriggerExit(candle, out var trigger)) return;
        var id = ClientOrderIds.FromSignal($"exit-{candle.Symbol}-{candle.OpenTimeMs}");
        await exits.SaveAsync(kernel.Exits.Armed, ct);
        if (await store.Orders.GetByClientOrderIdAsync(id, ct) is not null) return;
        var now = time.GetUtcNow();
        var submitted = OrderStateMachine.Submit(trigger.ToOrder(id, id) with { CreatedAt = now, UpdatedAt = now }, now);
        await store.Executions.RecordAsync(new ExecutionRecord(null, ExecutionRecords.Exit(id, trigger, now), submitted.Order, submitted.Event), ct);
        logger.LogInformation("Protective exit on {Symbol}: {Reason} at {Price}", candle.Symbol, trigger.Reason, trigger.Exit.Price);
        kernel.Track(submitted.Order);
        await journal.PublishAsync(submitted.Order, null, ct);
        await dispatch.SendExitAsync(submitted.Order, trigger, ct);
    }

    /// <summary>Cancels the policy's limit entries that timed out on this candle and places the re-priced ones (ENTRY_LIMIT_*).</summary>
    private async Task ReviewLimitEntriesAsync(Candle candle, Func<ExecutionRequest, CancellationToken, Task<ExecutionOutcome>> place, CancellationToken ct)
    {
        _reviews.Clear();
        kernel.ReviewLimitEntries(candle, _reviews);
        foreach (var review in _reviews)
        {
            var stored = await store.Orders.GetAsync(review.Order.Id, ct);
            if (stored is not { IsOpen: true })
            {
                kernel.LimitEntries.Forget(review.Order.Id);
                continue;
            }
            // A venue that replaces in one request cancels and places together; otherwise cancel first, then place.
            var replace = review.Reprice && dispatch.Venue.Replacing is not null;
            if (!replace && await dispatch.CancelAsync(stored, ct) is { } refused)
            {
                logger.LogWarning("Limit entry {OrderId} timed out but its cancel was refused: {Reason}", stored.Id, refused);
                continue;
            }
            logger.LogInformation("Limit entry {OrderId} timed out: {Action}", stored.Id, review.Reprice ? $"re-priced at {review.Decision.NewPrice}" : "abandoned");
            if (!review.Reprice) continue;
            var next = review.Repriced;
            var outcome = await place(new ExecutionRequest($"{stored.SignalId ?? stored.ClientOrderId}-r{next.Reprices}", next, stored.BotId)
            {
                Replaces = replace ? stored : null,
            }, ct);
            // Nothing was sent, so the timed-out entry is still open: cancel it, as the cancel-then-place path would have.
            if (replace && outcome.Result is ExecutionResult.Denied or ExecutionResult.DryRun && await dispatch.CancelAsync(stored, ct) is { } notCancelled)
                logger.LogWarning("Limit entry {OrderId} timed out, its re-price was denied and its cancel refused: {Reason}", stored.Id, notCancelled);
        }
    }
}
