using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>Missing candles: open times <see cref="FirstMissingMs"/> through <see cref="LastMissingMs"/> inclusive.</summary>
public sealed record CandleGap(Timeframe Timeframe, long FirstMissingMs, long LastMissingMs)
{
    public long MissingCount => (LastMissingMs - FirstMissingMs) / Timeframe.DurationMs + 1;

    public DateTimeOffset FirstMissing => DateTimeOffset.FromUnixTimeMilliseconds(FirstMissingMs);

    public DateTimeOffset LastMissing => DateTimeOffset.FromUnixTimeMilliseconds(LastMissingMs);

    public override string ToString() =>
        $"{FirstMissing:yyyy-MM-dd HH:mm} to {LastMissing:yyyy-MM-dd HH:mm} ({MissingCount} missing {Timeframe} candles)";
}
