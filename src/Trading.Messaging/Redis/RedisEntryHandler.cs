using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Trading.Core.Messaging;

namespace Trading.Messaging.Redis;

/// <summary>
/// One group's handling of one stream entry, which settles it (handled, a duplicate of a handled message, or moved to the
/// dead-letter stream: unreadable, failed every attempt, or delivered too often without an ack) or leaves it pending. The
/// caller acknowledges settled entries, a batch at a time (one XACK), and only after they settled: a crash before the ack
/// redelivers them, which the deduplicator and the stores' idempotency absorb. A cancelled handler leaves its entry pending.
/// </summary>
internal sealed class RedisEntryHandler(
    IDatabase db,
    string stream,
    string group,
    RedisBusOptions options,
    ReliableDelivery delivery,
    MessageDeduplicator deduplicator,
    Func<MessageEnvelope, CancellationToken, ValueTask> handler,
    ReliableDelivery.PublishDeadLetter publishDeadLetter,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Handles <paramref name="entry"/> and says whether it settled (to be acknowledged), stays pending, or was cancelled.</summary>
    /// <param name="deliveries">How often Redis has delivered the entry, when known (read from the pending list).</param>
    public async Task<EntryOutcome> HandleAsync(StreamEntry entry, long? deliveries, CancellationToken ct)
    {
        if (entry.IsNull || entry.Values.Length == 0)
        {
            logger.LogWarning("Entry {EntryId} of {Stream}/{Group} was trimmed (MAXLEN) before it was handled", entry.Id, stream, group);
            return EntryOutcome.Settled;
        }
        if (!RedisEntryCodec.TryDecode(entry, out var message, out var problem))
        {
            await DeadLetterAsync(RedisEntryCodec.Unreadable(entry, time.GetUtcNow()), 1, problem, ct);
            return EntryOutcome.Settled;
        }
        if (deliveries > options.MaxDeliveries && !deduplicator.WasHandled(message.Id))
        {
            await DeadLetterAsync(message, (int)deliveries.Value,
                $"delivered {deliveries} times without an acknowledgement: its consumers stopped or crashed while handling it", ct);
            return EntryOutcome.Settled;
        }
        var outcome = await delivery.DeliverAsync(message, handler, publishDeadLetter, ct);
        if (outcome == DeliveryOutcome.Cancelled) return EntryOutcome.Cancelled;
        // Another subscriber of this process is still handling the same message: its outcome decides, so no ack here.
        if (outcome == DeliveryOutcome.Duplicate && !deduplicator.WasHandled(message.Id)) return EntryOutcome.Pending;
        return EntryOutcome.Settled;
    }

    /// <summary>Handles <paramref name="batch"/> in order and acknowledges its settled entries with one XACK, also when cancelled part way.</summary>
    /// <returns>The entries handled before a cancellation (all of them when none came), settled or left pending.</returns>
    public async Task<int> HandleBatchAsync(StreamEntry[] batch, IReadOnlyDictionary<RedisValue, long>? deliveries, CancellationToken ct)
    {
        var settled = new List<RedisValue>(batch.Length);
        var handled = 0;
        try
        {
            foreach (var entry in batch)
            {
                var outcome = await HandleAsync(entry, deliveries?.GetValueOrDefault(entry.Id), ct);
                if (outcome == EntryOutcome.Cancelled) break;
                if (outcome == EntryOutcome.Settled) settled.Add(entry.Id);
                handled++;
            }
        }
        finally
        {
            if (settled.Count > 0) await db.StreamAcknowledgeAsync(stream, group, [.. settled]);
        }
        return handled;
    }

    private async Task DeadLetterAsync(MessageEnvelope message, int attempts, string reason, CancellationToken ct)
    {
        var target = DeadLetter.StreamFor(stream);
        var letter = new DeadLetter(stream, group, attempts, reason, message);
        await publishDeadLetter(target, MessageEnvelope.Create(DeadLetter.MessageType, letter, time.GetUtcNow()), ct);
        logger.LogError("Message {Id} on {Stream}/{Group} was moved to {DeadLetterStream}: {Reason}", message.Id, stream, group, target, reason);
    }
}

/// <summary>What became of one stream entry: settled (acknowledge it), left pending for another delivery, or cancelled.</summary>
internal enum EntryOutcome
{
    Settled,
    Pending,
    Cancelled,
}
