namespace Trading.Binance.Simulator;

/// <summary>What can go wrong on the REST side: a status with Retry-After, or a delay before a normal answer.</summary>
public sealed record HttpFault(int Status, int RetryAfterSeconds = 0, TimeSpan Delay = default, int Times = 1, string? Body = null)
{
    /// <summary>A ban or rate limit: it lasts Retry-After seconds, however many requests arrive meanwhile.</summary>
    public bool IsTimeWindow => Status is 418 or 429;

    /// <summary>A 200 answer whose body is cut off mid-array.</summary>
    public static HttpFault MalformedBody(int times = 1) => new(200, Times: times, Body: "[[1704067200000,\"42283.58\",");

    public static HttpFault RateLimited(int retryAfterSeconds) => new(429, retryAfterSeconds);

    public static HttpFault Banned(int retryAfterSeconds) => new(418, retryAfterSeconds);

    public static HttpFault ServerError(int times = 1, int status = 503) => new(status, Times: times);

    public static HttpFault Delayed(TimeSpan delay, int times = 1) => new(200, Delay: delay, Times: times);
}

public enum StreamFaultKind
{
    /// <summary>Abort every WebSocket; the market goes on for BarsWhileDisconnected more bars unseen.</summary>
    Drop,

    /// <summary>Send a frame that is not valid JSON.</summary>
    Malformed,

    /// <summary>Send Binance's serverShutdown event.</summary>
    ServerShutdown,
}

public sealed record StreamFault(StreamFaultKind Kind, int BarsWhileDisconnected = 0, HttpFault? ThenHttp = null);
