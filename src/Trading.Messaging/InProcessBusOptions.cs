namespace Trading.Messaging;

public sealed record InProcessBusOptions
{
    /// <summary>Messages each consumer group may hold before publishers wait; also how many messages a stream keeps before its first group joins.</summary>
    public int Capacity { get; init; } = 1024;

    public DeliveryPolicy Delivery { get; init; } = new();

    /// <summary>How many handled message ids each group remembers for deduplication.</summary>
    public int DeduplicationWindow { get; init; } = 100_000;

    /// <summary>
    /// A consumer that is idle, waiting for its next message, starts handling a new one on the publisher's thread, up to the
    /// handler's first real wait (I/O, a lock), instead of on a thread-pool thread. Saves a thread hop per stream on the
    /// candle → signal → order path; the publisher's call returns later by that much.
    /// </summary>
    public bool InlineHandoff { get; init; } = true;
}
