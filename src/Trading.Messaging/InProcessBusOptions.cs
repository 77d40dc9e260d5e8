namespace Trading.Messaging;

public sealed record InProcessBusOptions
{
    /// <summary>Messages each consumer group may hold before publishers wait; also how many messages a stream keeps before its first group joins.</summary>
    public int Capacity { get; init; } = 1024;

    public DeliveryPolicy Delivery { get; init; } = new();

    /// <summary>How many handled message ids each group remembers for deduplication.</summary>
    public int DeduplicationWindow { get; init; } = 100_000;
}
