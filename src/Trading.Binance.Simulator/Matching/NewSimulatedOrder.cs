using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// A validated placement request (parameters parsed, not yet checked against filters and balances). A market order has
/// <see cref="Quantity"/> or <see cref="QuoteOrderQty"/>; <see cref="PostOnly"/> is LIMIT_MAKER. A stop or take-profit
/// order has a <see cref="StopPrice"/> and <see cref="Type"/> is what it becomes once triggered (MARKET or LIMIT).
/// </summary>
public sealed record NewSimulatedOrder(
    Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? Price, string TimeInForce, string? ClientOrderId)
{
    public decimal? QuoteOrderQty { get; init; }

    public bool PostOnly { get; init; }

    public decimal? StopPrice { get; init; }

    /// <summary>Binance's type name; derived from <see cref="Type"/> and <see cref="PostOnly"/> unless set.</summary>
    public string TypeName { get; init; } = "";

    public string BinanceType => TypeName.Length > 0 ? TypeName : PostOnly ? "LIMIT_MAKER" : Type == OrderType.Market ? "MARKET" : "LIMIT";

    /// <summary>STOP_LOSS and STOP_LOSS_LIMIT (triggered when the price moves against the side); TAKE_PROFIT(_LIMIT) are the opposite.</summary>
    public bool IsStopLoss => BinanceType.StartsWith("STOP_LOSS", StringComparison.Ordinal);
}
