using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Trading.Core.Messaging;

namespace Trading.Messaging.Redis;

/// <summary>
/// One group's handling of one stream entry, ending in XACK only when the entry is settled: handled, a duplicate of a handled
/// message, or moved to the dead-letter stream (unreadable, failed every attempt, or delivered too often without an ack).
/// A cancelled handler leaves the entry pending for redelivery.
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
    /// <summary>Settles <paramref name="entry"/>; false when cancelled before it was settled (nothing was acknowledged).</summary>
    /// <param name="deliveries">How often Redis has delivered the entry, when known (read from the pending list).</param>
    public async Task<bool> HandleAsync(StreamEntry entry, long? deliveries, CancellationToken ct)
    {
        if (entry.IsNull || entry.Values.Length == 0)
        {
            logger.LogWarning("Entry {EntryId} of {Stream}/{Group} was trimmed (MAXLEN) before it was handled", entry.Id, stream, group);
            await AckAsync(entry);
            return true;
        }
        if (!RedisEntryCodec.TryDecode(entry, out var message, out var problem))
        {
            await DeadLetterAsync(RedisEntryCodec.Unreadable(entry, time.GetUtcNow()), 1, problem, ct);
            await AckAsync(entry);
            return true;
        }
        if (deliveries > options.MaxDeliveries && !deduplicator.WasHandled(message.Id))
        {
            await DeadLetterAsync(message, (int)deliveries.Value,
                $"delivered {deliveries} times without an acknowledgement: its consumers stopped or crashed while handling it", ct);
            await AckAsync(entry);
            return true;
        }
        var outcome = await delivery.DeliverAsync(message, handler, publishDeadLetter, ct);
        if (outcome == DeliveryOutcome.Cancelled) return false;
        // Another subscriber of this process is still handling the same message: its outcome decides, so no ack here.
        if (outcome == DeliveryOutcome.Duplicate && !deduplicator.WasHandled(message.Id)) return true;
        await AckAsync(entry);
        return true;
    }

    private Task AckAsync(StreamEntry entry) => db.StreamAcknowledgeAsync(stream, group, entry.Id);

    private async Task DeadLetterAsync(MessageEnvelope message, int attempts, string reason, CancellationToken ct)
    {
        var target = DeadLetter.StreamFor(stream);
        var letter = new DeadLetter(stream, group, attempts, reason, message);
        await publishDeadLetter(target, MessageEnvelope.Create(DeadLetter.MessageType, letter, time.GetUtcNow()), ct);
        logger.LogError("Message {Id} on {Stream}/{Group} was moved to {DeadLetterStream}: {Reason}", message.Id, stream, group, target, reason);
    }
}
