using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// The spec's validation list: the candle's own checks (<see cref="Candle.FindProblem"/>: positive prices,
/// high/low bounding open/close, non-negative volume) plus timestamps neither in the future nor stale.
/// </summary>
public sealed class CandleValidator(CandleValidationOptions options, TimeProvider clock)
{
    /// <summary>The first reason the candle must not be stored, or null.</summary>
    public string? FindProblem(in Candle candle)
    {
        var problem = candle.FindProblem();
        if (problem is not null) return problem;
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (candle.OpenTimeMs > nowMs + (long)options.MaxFutureSkew.TotalMilliseconds)
            return $"open time {candle.OpenTime:yyyy-MM-dd HH:mm:ss} is in the future";
        if (options.MaxStaleness is { } stale && candle.CloseTimeMs < nowMs - (long)stale.TotalMilliseconds)
            return $"stale: closed at {candle.CloseTime:yyyy-MM-dd HH:mm:ss}, more than {stale} ago";
        return null;
    }

    /// <summary>The latest open time a file row may have now: the future-skew bound as Unix ms.</summary>
    public long LatestAllowedOpenMs => clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)options.MaxFutureSkew.TotalMilliseconds;
}
