using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>What a <see cref="SimulatedFuturesBook"/> did on a candle.</summary>
public enum FuturesBookEventKind
{
    /// <summary>The pending order filled (opened, increased or reduced the position).</summary>
    Fill,

    /// <summary>A funding settlement was booked to the open position.</summary>
    Funding,

    /// <summary>The position was liquidated at its liquidation price, losing its isolated margin.</summary>
    Liquidation,

    /// <summary>The pending order expired unfilled (no margin at the fill price, or nothing left to reduce).</summary>
    Expired,
}

/// <summary>
/// One booking of a simulated futures book, in the order it happened. <see cref="RealizedPnl"/> is the PnL before fees of a
/// reducing fill or the loss of a liquidation; <see cref="Funding"/> is set for a settlement.
/// </summary>
public sealed record FuturesBookEvent(
    FuturesBookEventKind Kind, DateTimeOffset Time, string? OrderId = null, OrderSide Side = OrderSide.Buy, decimal Price = 0m, decimal Quantity = 0m,
    decimal Fee = 0m, decimal RealizedPnl = 0m, bool ReduceOnly = false, FundingPayment? Funding = null, string? Reason = null, string? ExchangeOrderId = null);
