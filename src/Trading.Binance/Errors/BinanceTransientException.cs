namespace Trading.Binance.Errors;

/// <summary>A failure worth retrying: 5xx, 429 (after waiting Retry-After) or a transport error.</summary>
internal sealed class BinanceTransientException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
