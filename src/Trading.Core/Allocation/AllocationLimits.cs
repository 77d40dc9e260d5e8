namespace Trading.Core.Allocation;

/// <summary>
/// The allocator's budget (docs/allocation.md): each strategy's share of equity, how far that share shrinks while the
/// regime classifier says UNCERTAIN, and the cap on portfolio heat (the open risk to the stops of all positions).
/// </summary>
public sealed record AllocationLimits
{
    /// <summary>ALLOC_MAX_STRATEGY_PCT: the capital one strategy may hold in positions, percent of equity (0, 100].</summary>
    public decimal MaxStrategySharePct { get; init; } = 25m;

    /// <summary>ALLOC_UNCERTAIN_FACTOR: the share is multiplied by this while the symbol's regime is UNCERTAIN, [0, 1].</summary>
    public decimal UncertainRegimeFactor { get; init; } = 0.5m;

    /// <summary>ALLOC_MAX_HEAT_PCT: the open risk to the stops of all positions together, percent of equity (0, 100].</summary>
    public decimal MaxPortfolioHeatPct { get; init; } = 6m;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason for an impossible budget.</summary>
    public void Validate()
    {
        if (MaxStrategySharePct is <= 0 or > 100)
            throw new ArgumentException($"The strategy share must be above 0 and at most 100 percent of equity, got {MaxStrategySharePct}.");
        if (UncertainRegimeFactor is < 0 or > 1)
            throw new ArgumentException($"The uncertain-regime factor must be within [0, 1], got {UncertainRegimeFactor}.");
        if (MaxPortfolioHeatPct is <= 0 or > 100)
            throw new ArgumentException($"The portfolio heat cap must be above 0 and at most 100 percent of equity, got {MaxPortfolioHeatPct}.");
    }
}
