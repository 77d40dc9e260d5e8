namespace Trading.Messaging;

/// <summary>How often a failing handler is retried before its message is dead-lettered, and how long to wait between attempts.</summary>
public sealed record DeliveryPolicy
{
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failure; attempt n waits n times this.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
