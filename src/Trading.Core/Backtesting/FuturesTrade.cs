using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// A closed futures trade: the <see cref="ClosedTrade"/> (its PnL net of fees and funding), its side, the funding booked
/// to it, whether it ended in a liquidation (then its exit price is the liquidation price), and the position's liquidation
/// price when it opened and when it closed (funding moves it).
/// </summary>
public readonly record struct FuturesTrade(
    ClosedTrade Trade, PositionSide Side, int Leverage, decimal Funding, bool Liquidated, decimal OpenLiquidationPrice, decimal LiquidationPrice)
{
    public string SideName => Side == PositionSide.Short ? "SHORT" : "LONG";
}
