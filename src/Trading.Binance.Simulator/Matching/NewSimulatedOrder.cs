using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>A validated placement request (parameters parsed, not yet checked against filters and balances).</summary>
public sealed record NewSimulatedOrder(
    Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? Price, string TimeInForce, string? ClientOrderId);
