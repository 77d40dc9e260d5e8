namespace Trading.Core.Messaging;

/// <summary>
/// Publish/subscribe over named streams. A consumer group sees each message once; a handler that throws
/// leaves its message unacknowledged for redelivery. Publishing waits when the bus is full; it never drops.
/// </summary>
public interface IMessageBus : IAsyncDisposable
{
    ValueTask PublishAsync(string stream, MessageEnvelope message, CancellationToken ct = default);

    /// <summary>Runs <paramref name="handler"/> for each message until <paramref name="ct"/> is cancelled.</summary>
    Task SubscribeAsync(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct);
}
