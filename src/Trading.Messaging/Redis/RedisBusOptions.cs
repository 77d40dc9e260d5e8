namespace Trading.Messaging.Redis;

public sealed record RedisBusOptions
{
    /// <summary>This process's consumer name inside every group; pending entries of a consumer that restarts under the same name are read first.</summary>
    public string ConsumerName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Approximate MAXLEN each stream is trimmed to on publish (XADD MAXLEN ~); 0 keeps everything.</summary>
    public long MaxLength { get; init; } = 100_000;

    /// <summary>In-process retries of a failing handler before its message goes to the dead-letter stream.</summary>
    public DeliveryPolicy Delivery { get; init; } = new();

    /// <summary>Deliveries (reads and reclaims) after which an entry that was never acknowledged is dead-lettered unhandled.</summary>
    public int MaxDeliveries { get; init; } = 5;

    /// <summary>How long an entry must sit unacknowledged before another consumer reclaims it (XAUTOCLAIM); longer than the slowest handler.</summary>
    public TimeSpan ClaimIdleTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each subscription looks for entries to reclaim.</summary>
    public TimeSpan ClaimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest an idle subscription waits before reading again when no publish notification arrives.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Entries read per XREADGROUP; the settled ones of a batch are acknowledged with one XACK.</summary>
    public int ReadBatch { get; init; } = 256;

    /// <summary>How many handled message ids each group remembers for deduplication.</summary>
    public int DeduplicationWindow { get; init; } = 100_000;

    /// <summary>Connection attempts at start before giving up with <see cref="MessageBusUnavailableException"/>.</summary>
    public int ConnectAttempts { get; init; } = 5;

    /// <summary>The wait after the first failed connection attempt; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a publish keeps retrying while Redis is unreachable before it throws.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
