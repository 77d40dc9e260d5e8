using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>A futures order for the risk gate: which position it acts on, at what price and leverage, and whether it only reduces.</summary>
public readonly record struct FuturesOrderRequest(
    Symbol Symbol,
    PositionSide PositionSide,
    int Direction,
    decimal Quantity,
    decimal Price,
    int Leverage,
    bool ReduceOnly);
