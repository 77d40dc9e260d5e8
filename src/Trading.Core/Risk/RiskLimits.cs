namespace Trading.Core.Risk;

/// <summary>The risk gate's thresholds. Percentages are 0..100; a null optional limit is off.</summary>
public sealed record RiskLimits
{
    /// <summary>RISK_DAILY_LOSS_LIMIT_PCT: a loss of this much of the day-start equity halts entries until the next UTC day.</summary>
    public decimal DailyLossLimitPct { get; init; } = 5m;

    /// <summary>A drawdown of this much from the equity peak engages the kill switch.</summary>
    public decimal MaxDrawdownPct { get; init; } = 20m;

    public int MaxOpenPositions { get; init; } = 5;

    /// <summary>RISK_MAX_POSITION_SIZE: the largest position value per symbol as a fraction of equity (0..1).</summary>
    public decimal MaxPositionFraction { get; init; } = 0.1m;

    /// <summary>Deny when the signal price is more than this many percent away from the latest market price.</summary>
    public decimal? PriceMoveGuardPct { get; init; } = 1m;

    /// <summary>The fee reserved on top of a buy's cost in the balance check, in basis points.</summary>
    public decimal FeeBps { get; init; } = 10m;

    public TradingHoursWindow? TradingHours { get; init; }

    public void Validate()
    {
        if (DailyLossLimitPct is <= 0 or > 100) throw new ArgumentException($"The daily loss limit must be within (0, 100] percent, got {DailyLossLimitPct}.");
        if (MaxDrawdownPct is <= 0 or > 100) throw new ArgumentException($"The maximum drawdown must be within (0, 100] percent, got {MaxDrawdownPct}.");
        if (MaxOpenPositions < 1) throw new ArgumentException($"The maximum number of open positions must be at least 1, got {MaxOpenPositions}.");
        if (MaxPositionFraction is <= 0 or > 1) throw new ArgumentException($"The maximum position size must be a fraction within (0, 1], got {MaxPositionFraction}.");
        if (PriceMoveGuardPct is < 0) throw new ArgumentException($"The price-move guard must not be negative, got {PriceMoveGuardPct}.");
        if (TradingHours is { } hours && hours.Start == hours.End) throw new ArgumentException($"The trading-hours window {hours} is empty: start and end must differ.");
        if (FeeBps < 0) throw new ArgumentException($"The fee must not be negative, got {FeeBps} bps.");
    }
}
