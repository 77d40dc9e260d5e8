namespace Trading.Core.Futures;

/// <summary>
/// One row of a symbol's leverage brackets (GET /fapi/v1/leverageBracket): positions with a notional in
/// [<see cref="NotionalFloor"/>, <see cref="NotionalCap"/>) may use up to <see cref="InitialLeverage"/> and keep
/// <see cref="MaintMarginRatio"/> of their notional less <see cref="Cum"/> (the maintenance amount) as maintenance margin.
/// </summary>
public readonly record struct LeverageBracket(int Bracket, int InitialLeverage, decimal NotionalFloor, decimal NotionalCap, decimal MaintMarginRatio, decimal Cum)
{
    public bool Contains(decimal notional) => notional >= NotionalFloor && notional < NotionalCap;
}
