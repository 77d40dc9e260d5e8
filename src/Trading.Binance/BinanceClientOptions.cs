namespace Trading.Binance;

/// <summary>Where the Binance REST API lives and how hard to try before giving up.</summary>
public sealed record BinanceClientOptions
{
    public Uri BaseUrl { get; init; } = new("https://api.binance.com");

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on all attempts of one request, waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxRetryAttempts { get; init; } = 8;

    /// <summary>First backoff delay; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long exchangeInfo stays cached.</summary>
    public TimeSpan ExchangeInfoCacheDuration { get; init; } = TimeSpan.FromMinutes(15);
}
