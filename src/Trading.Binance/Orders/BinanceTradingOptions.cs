namespace Trading.Binance.Orders;

/// <summary>Where and how the trading client sends signed requests.</summary>
public sealed record BinanceTradingOptions
{
    public Uri BaseUrl { get; init; } = new("https://api.binance.com");

    /// <summary>How long one request may take; a placement that exceeds it has an unknown outcome.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>recvWindow sent with every signed request (Binance default 5000, max 60000).</summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>How many times an unknown placement outcome is queried by client order id before answering Unknown.</summary>
    public int UnknownOutcomeQueries { get; init; } = 5;

    /// <summary>Wait before the first query of an unknown outcome; doubled per attempt.</summary>
    public TimeSpan UnknownOutcomeQueryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>On -1021, measure the server-clock offset again and repeat the request once (it was not executed).</summary>
    public bool ResyncClockOnTimestampError { get; init; } = true;

    /// <summary>How many times a placement refused with -1015 (too many new orders) is sent, each after the server's Retry-After.</summary>
    public int OrderRateLimitAttempts { get; init; } = 5;
}
