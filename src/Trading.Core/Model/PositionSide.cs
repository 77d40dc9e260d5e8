namespace Trading.Core.Model;

/// <summary>
/// A futures position's side as Binance names it: BOTH in one-way mode (the sign of the quantity says long or short),
/// LONG and SHORT in hedge mode. Spot orders carry BOTH.
/// </summary>
public enum PositionSide
{
    Both,
    Long,
    Short,
}
