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

    /// <summary>Futures: the leverage is above the configured maximum or the symbol's bracket.</summary>
    Leverage,

    /// <summary>Futures: the liquidation price would sit closer to the entry than the configured minimum distance.</summary>
    LiquidationDistance,

    /// <summary>Futures: the position's margin ratio would be above the configured maximum.</summary>
    MarginRatio,

    /// <summary>Futures: the positions' total notional would exceed the configured share of equity.</summary>
    MaxExposure,

    /// <summary>Futures: a reduce-only order larger than the position it reduces (it would flip it).</summary>
    ReduceOnly,

    /// <summary>Allocator: the strategy's share of equity (shrunk in an UNCERTAIN regime) is used up.</summary>
    StrategyBudget,

    /// <summary>Allocator: the open risk to the stops of all positions would exceed the portfolio heat cap.</summary>
    PortfolioHeat,
}
