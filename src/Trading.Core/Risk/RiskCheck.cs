namespace Trading.Core.Risk;

/// <summary>The risk gate's checks, in the order they run. None marks an allowed decision.</summary>
public enum RiskCheck
{
    None,
    TradingState,
    TradingHours,
    DailyLossLimit,
    MaxDrawdown,
    MaxOpenPositions,
    MaxPositionSize,
    DuplicateOrder,
    AvailableBalance,
    PriceMoveGuard,
    MarketConnection,
    ExchangeFilters,

    /// <summary>The sizing rule gave no quantity (nothing held to sell, or a buy sized to zero).</summary>
    Sizing,
}
