using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>
/// Runs one consumer group's handler on one message: skips duplicates by id, retries a throwing handler,
/// and after the last attempt hands the message to the dead-letter stream and logs it. Shared by both buses.
/// </summary>
public sealed class ReliableDelivery(
    string stream,
    string group,
    DeliveryPolicy policy,
    MessageDeduplicator deduplicator,
    TimeProvider time,
    ILogger logger)
{
    public delegate ValueTask PublishDeadLetter(string deadLetterStream, MessageEnvelope deadLetter, CancellationToken ct);

    public async Task<DeliveryOutcome> DeliverAsync(MessageEnvelope message,
        Func<MessageEnvelope, CancellationToken, ValueTask> handler, PublishDeadLetter publishDeadLetter, CancellationToken ct)
    {
        if (!deduplicator.TryBegin(message.Id)) return DeliveryOutcome.Duplicate;
        try
        {
            Exception? last = null;
            for (var attempt = 1; attempt <= policy.MaxAttempts; attempt++)
            {
                try
                {
                    await handler(message, ct);
                    deduplicator.Complete(message.Id);
                    return DeliveryOutcome.Handled;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    last = e;
                    logger.LogWarning(e, "Handler for {Stream}/{Group} failed on message {Id} (attempt {Attempt} of {Max})",
                        stream, group, message.Id, attempt, policy.MaxAttempts);
                }
                if (attempt < policy.MaxAttempts && policy.RetryDelay > TimeSpan.Zero)
                    await Task.Delay(policy.RetryDelay * attempt, time, ct);
            }
            await DeadLetterAsync(message, last!, publishDeadLetter, ct);
            deduplicator.Complete(message.Id);
            return DeliveryOutcome.DeadLettered;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            deduplicator.Abandon(message.Id);
            return DeliveryOutcome.Cancelled;
        }
    }

    private async Task DeadLetterAsync(MessageEnvelope message, Exception error, PublishDeadLetter publish, CancellationToken ct)
    {
        var target = DeadLetter.StreamFor(stream);
        var letter = new DeadLetter(stream, group, policy.MaxAttempts, $"{error.GetType().Name}: {error.Message}", message);
        await publish(target, MessageEnvelope.Create(DeadLetter.MessageType, letter, time.GetUtcNow()), ct);
        logger.LogError("Message {Id} of type {Type} on {Stream}/{Group} failed {Attempts} times and was moved to {DeadLetterStream}",
            message.Id, message.Type, stream, group, policy.MaxAttempts, target);
    }
}
