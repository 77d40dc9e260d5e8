namespace Trading.Core.Risk;

/// <summary>
/// The risk gate's futures thresholds (docs/futures.md, "Risk gate"). Percentages are 0..100 of the entry price, of the
/// margin or of equity. Live defaults follow the TradeFinder document: 2× leverage and exposure at most 100 % of equity.
/// </summary>
public sealed record FuturesRiskLimits
{
    /// <summary>RISK_FUTURES_MAX_LEVERAGE: the highest leverage a position may use (the symbol's bracket may allow less).</summary>
    public int MaxLeverage { get; init; } = 2;

    /// <summary>RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PCT: the liquidation price must be at least this far from the entry, in percent.</summary>
    public decimal MinLiquidationDistancePct { get; init; } = 10m;

    /// <summary>RISK_FUTURES_MAX_MARGIN_RATIO_PCT: maintenance margin over margin balance may not exceed this, in percent.</summary>
    public decimal MaxMarginRatioPct { get; init; } = 80m;

    /// <summary>RISK_FUTURES_MAX_EXPOSURE_PCT: the total notional of all positions as a percent of equity.</summary>
    public decimal MaxExposurePct { get; init; } = 100m;

    /// <summary>A backtest's limits: only the symbol's brackets bound the leverage, as the spot backtest's limits let the strategy show itself.</summary>
    public static FuturesRiskLimits Backtest { get; } = new()
    {
        MaxLeverage = 125, MinLiquidationDistancePct = 0m, MaxMarginRatioPct = 100m, MaxExposurePct = 12_500m,
    };

    public void Validate()
    {
        if (MaxLeverage is < 1 or > 125) throw new ArgumentException($"The maximum leverage must be within 1..125, got {MaxLeverage}.");
        if (MinLiquidationDistancePct is < 0 or >= 100)
            throw new ArgumentException($"The minimum liquidation distance must be within [0, 100) percent, got {MinLiquidationDistancePct}.");
        if (MaxMarginRatioPct is <= 0 or > 100) throw new ArgumentException($"The maximum margin ratio must be within (0, 100] percent, got {MaxMarginRatioPct}.");
        if (MaxExposurePct is <= 0 or > 12_500) throw new ArgumentException($"The maximum exposure must be within (0, 12500] percent of equity, got {MaxExposurePct}.");
    }
}
