using Trading.Binance.Simulator.Matching;

namespace Trading.Binance.Simulator.Futures;

/// <summary>Binance's USDⓈ-M error codes and messages (developers.binance.com, derivatives/usds-margined-futures/error-code).</summary>
internal static class FuturesErrors
{
    public static SimulatorRejection InvalidLeverage(int leverage) => new(-4028, $"Leverage {leverage} is not valid");

    public static SimulatorRejection NoNeedToChangeMarginType() => new(-4046, "No need to change margin type.");

    public static SimulatorRejection MarginTypeWithOpenOrders() => new(-4047, "Margin type cannot be changed if there exists open orders.");

    public static SimulatorRejection MarginTypeWithPosition() => new(-4048, "Margin type cannot be changed if there exists position.");

    public static SimulatorRejection NoNeedToChangePositionSide() => new(-4059, "No need to change position side.");

    public static SimulatorRejection InvalidPositionSide() => new(-4060, "Invalid position side.");

    public static SimulatorRejection PositionSideMismatch() => new(-4061, "Order's position side does not match user's setting.");

    public static SimulatorRejection PositionSideWithOpenOrders() => new(-4067, "Position side cannot be changed if there exists open orders.");

    public static SimulatorRejection PositionSideWithPosition() => new(-4068, "Position side cannot be changed if there exists position.");

    public static SimulatorRejection LeverageReductionWithPosition() =>
        new(-4161, "Leverage reduction is not supported in Isolated Margin Mode with open positions");

    public static SimulatorRejection ReduceOnlyRejected() => new(-2022, "ReduceOnly Order is rejected.");

    public static SimulatorRejection MarginInsufficient() => new(-2019, "Margin is insufficient.");

    public static SimulatorRejection AboveMaxPosition() => new(-2027, "Exceeded the maximum allowable position at current leverage.");

    public static SimulatorRejection WouldTriggerImmediately() => new(-2021, "Order would immediately trigger.");

    public static SimulatorRejection ReduceOnlyInHedgeMode() => new(-1106, "Parameter 'reduceOnly' sent when not required.");

    public static SimulatorRejection CrossMarginNotModelled() =>
        new(-1020, "This operation is not supported. The simulator models isolated margin only: POST /fapi/v1/marginType ISOLATED first.");

    public static SimulatorRejection QuantityNotPositive() => new(-4003, "Quantity less than or equal to zero.");

    public static SimulatorRejection PriceOffTick() => new(-4014, "Price not increased by tick size.");

    public static SimulatorRejection QuantityOffStep() => new(-4023, "Qty not increased by step size.");

    public static SimulatorRejection MinNotional(decimal minimum) =>
        new(-4164, FormattableString.Invariant($"Order's notional must be no smaller than {minimum} (unless you choose reduce only)."));
}
