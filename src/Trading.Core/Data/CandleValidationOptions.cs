namespace Trading.Core.Data;

/// <summary>Thresholds for <see cref="CandleValidator"/>. A null staleness disables the check (for historical imports).</summary>
public sealed record CandleValidationOptions(TimeSpan MaxFutureSkew, TimeSpan? MaxStaleness)
{
    /// <summary>For files: a candle may not open in the future (one second of clock skew allowed).</summary>
    public static CandleValidationOptions Historical { get; } = new(TimeSpan.FromSeconds(1), null);

    /// <summary>For live feeds: a closed candle older than two intervals plus a minute is stale.</summary>
    public static CandleValidationOptions Live(TimeSpan interval) => new(TimeSpan.FromSeconds(5), interval * 2 + TimeSpan.FromMinutes(1));
}
