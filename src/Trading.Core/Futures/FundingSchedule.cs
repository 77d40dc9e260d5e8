namespace Trading.Core.Futures;

/// <summary>USDⓈ-M funding times: every <see cref="IntervalHours"/> hours from 00:00 UTC (8: 00:00, 08:00 and 16:00 UTC).</summary>
public readonly record struct FundingSchedule(int IntervalHours)
{
    public static FundingSchedule EightHours => new(8);

    public long IntervalMs => IntervalHours * 3_600_000L;

    /// <summary>The first funding time at or after <paramref name="timeMs"/>.</summary>
    public long NextAtOrAfter(long timeMs)
    {
        var interval = IntervalMs;
        var q = Math.DivRem(timeMs, interval, out var rem);
        if (rem < 0) q--;
        var at = q * interval;
        return at == timeMs ? at : at + interval;
    }
}
