namespace Trading.Core.Messaging;

/// <summary>
/// Publish/subscribe over named streams. A consumer group sees each message once; a handler that throws
/// leaves its message unacknowledged for redelivery. Publishing waits while a consumer group is full. A stream that no
/// group reads yet keeps its newest messages up to its capacity and trims the oldest with a logged warning, so an
/// unread stream never stalls its publisher and nothing is lost silently.
/// </summary>
public interface IMessageBus : IAsyncDisposable
{
    ValueTask PublishAsync(string stream, MessageEnvelope message, CancellationToken ct = default);

    /// <summary>
    /// Publishes <paramref name="messages"/> to <paramref name="stream"/> in order, as one batch where the bus can (Redis: one
    /// pipelined write, one wait). When it returns every message is on the stream; when it throws, any of them may be, and
    /// publishing the batch again is safe since consumers drop a message id they already handled.
    /// </summary>
    ValueTask PublishManyAsync(string stream, IReadOnlyList<MessageEnvelope> messages, CancellationToken ct = default);

    /// <summary>Runs <paramref name="handler"/> for each message until <paramref name="ct"/> is cancelled.</summary>
    Task SubscribeAsync(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct);
}
