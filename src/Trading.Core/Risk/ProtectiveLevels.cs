namespace Trading.Core.Risk;

/// <summary>A long position's stop-loss and take-profit prices; either may be absent.</summary>
public readonly record struct ProtectiveLevels(decimal? StopLoss, decimal? TakeProfit)
{
    /// <summary>
    /// The strategy's own stop and target win; otherwise the stop is <paramref name="stopLossPct"/> below the
    /// entry (RISK_STOP_LOSS_PCT) and the target <paramref name="takeProfitPct"/> above it. Percentages 0..100; null or 0 is none.
    /// Prices are rounded to the tick away from the entry's side that would make the stop tighter.
    /// </summary>
    public static ProtectiveLevels ForLong(decimal entryPrice, decimal? stopLossPct, decimal? takeProfitPct = null,
        decimal? strategyStop = null, decimal? strategyTarget = null, decimal tickSize = 0m)
    {
        if (entryPrice <= 0) throw new ArgumentOutOfRangeException(nameof(entryPrice), entryPrice, "The entry price must be positive.");
        if (strategyStop >= entryPrice) throw new ArgumentException($"A long stop {strategyStop} must be below the entry {entryPrice}.");
        if (strategyTarget <= entryPrice) throw new ArgumentException($"A long target {strategyTarget} must be above the entry {entryPrice}.");

        var stop = strategyStop ?? (stopLossPct is > 0 ? entryPrice * (1m - stopLossPct.Value / 100m) : null);
        var target = strategyTarget ?? (takeProfitPct is > 0 ? entryPrice * (1m + takeProfitPct.Value / 100m) : null);
        if (tickSize > 0)
        {
            stop = stop is { } s ? Math.Floor(s / tickSize) * tickSize : null;
            target = target is { } t ? Math.Ceiling(t / tickSize) * tickSize : null;
        }
        return new ProtectiveLevels(stop, target);
    }
}
