using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// A validated placement request (parameters parsed, not yet checked against filters and balances). A market order has
/// <see cref="Quantity"/> or <see cref="QuoteOrderQty"/>; <see cref="PostOnly"/> is LIMIT_MAKER.
/// </summary>
public sealed record NewSimulatedOrder(
    Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? Price, string TimeInForce, string? ClientOrderId)
{
    public decimal? QuoteOrderQty { get; init; }

    public bool PostOnly { get; init; }
}
