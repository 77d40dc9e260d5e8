using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>One futures symbol's settings and market state: leverage, margin type, mark price, funding cursor and settlements.</summary>
internal sealed class FuturesSymbolState(SymbolInfo info, LeverageBrackets brackets, int leverage, FundingRates funding, FundingCursor cursor)
{
    public SymbolInfo Info { get; } = info;
    public Symbol Symbol => Info.Symbol;
    public LeverageBrackets Brackets { get; } = brackets;
    public int Leverage { get; set; } = leverage;

    /// <summary>Binance starts every symbol in cross margin; the simulator trades isolated only.</summary>
    public bool Isolated { get; set; }

    public FundingRates Funding { get; } = funding;
    public FundingCursor Cursor = cursor;
    public decimal? Mark { get; set; }

    /// <summary>The last closed bar's volume: it sizes the modelled book market orders walk.</summary>
    public decimal BarVolume { get; set; }

    public decimal LastFundingRate { get; set; }
    public List<FundingSettlement> Settlements { get; } = [];

    /// <summary>The largest notional the current leverage allows: the highest cap among the brackets that allow it.</summary>
    public decimal MaxNotional => Brackets.All.Where(b => b.InitialLeverage >= Leverage).Select(b => b.NotionalCap).DefaultIfEmpty(0m).Max();
}

/// <summary>A position as GET /fapi/v2/positionRisk shows it; <see cref="Amount"/> is negative for a short.</summary>
public sealed record FuturesPositionView(
    Symbol Symbol, PositionSide PositionSide, decimal Amount, decimal EntryPrice, decimal MarkPrice, decimal UnrealizedPnl,
    decimal LiquidationPrice, decimal IsolatedMargin, int Leverage, decimal MaintenanceMargin, decimal Funding)
{
    public decimal Notional => Amount * MarkPrice;

    internal static FuturesPositionView Of(FuturesPosition p) => new(
        p.Symbol, p.PositionSide, p.Direction * p.Quantity, p.EntryPrice, p.MarkPrice, p.UnrealizedPnl, p.LiquidationPrice, p.IsolatedMargin,
        p.Leverage, FuturesMath.MaintenanceMargin(p.Quantity, p.MarkPrice, p.Brackets), p.Funding);
}
