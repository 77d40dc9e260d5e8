using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>
/// One isolated USDⓈ-M position: LONG or SHORT in hedge mode, BOTH in one-way mode (then <see cref="Direction"/> says
/// which). Its <see cref="FuturesAccount"/> changes it; the liquidation price follows every change of quantity or margin.
/// </summary>
public sealed class FuturesPosition
{
    internal FuturesPosition(Symbol symbol, PositionSide positionSide, int direction, int leverage, LeverageBrackets brackets)
    {
        Symbol = symbol;
        PositionSide = positionSide;
        Direction = direction;
        Leverage = leverage;
        Brackets = brackets;
    }

    public Symbol Symbol { get; private set; }
    public PositionSide PositionSide { get; private set; }

    /// <summary>+1 long, -1 short.</summary>
    public int Direction { get; private set; }

    public bool IsLong => Direction > 0;
    public int Leverage { get; private set; }
    public LeverageBrackets Brackets { get; private set; }
    public decimal Quantity { get; internal set; }
    public decimal EntryPrice { get; internal set; }

    /// <summary>The margin held for this position alone: initial margin of its entries plus the funding booked to it.</summary>
    public decimal IsolatedMargin { get; internal set; }

    public decimal MarkPrice { get; internal set; }
    public decimal LiquidationPrice { get; private set; }

    /// <summary>Funding booked to this position since it opened (negative: paid).</summary>
    public decimal Funding { get; internal set; }

    /// <summary>Fees of the fills that opened or increased it, not yet charged to a closed trade.</summary>
    public decimal EntryFees { get; internal set; }

    public DateTimeOffset OpenedAt { get; internal set; }

    /// <summary>The liquidation price right after the first fill opened it.</summary>
    public decimal OpenLiquidationPrice { get; internal set; }

    public decimal Notional => Quantity * MarkPrice;

    public decimal UnrealizedPnl => FuturesMath.UnrealizedPnl(Direction, Quantity, EntryPrice, MarkPrice);

    /// <summary>Maintenance margin at the mark price over the isolated margin plus unrealized PnL (Binance's margin ratio).</summary>
    public decimal MarginRatio
    {
        get
        {
            var balance = IsolatedMargin + UnrealizedPnl;
            return balance <= 0 ? 1m : FuturesMath.MaintenanceMargin(Quantity, MarkPrice, Brackets) / balance;
        }
    }

    /// <summary>True when the mark price path reached the liquidation price: a long's low at or below it, a short's high at or above it.</summary>
    public bool IsLiquidatedBy(decimal low, decimal high) => Quantity > 0 && (IsLong ? low <= LiquidationPrice : high >= LiquidationPrice);

    /// <summary>Makes a closed position's object a new, empty one (its account keeps none of the old one's state).</summary>
    internal FuturesPosition Reuse(Symbol symbol, PositionSide positionSide, int direction, int leverage, LeverageBrackets brackets)
    {
        Symbol = symbol;
        PositionSide = positionSide;
        Direction = direction;
        Leverage = leverage;
        Brackets = brackets;
        Quantity = EntryPrice = IsolatedMargin = MarkPrice = LiquidationPrice = OpenLiquidationPrice = Funding = EntryFees = 0m;
        return this;
    }

    internal void Reprice() => LiquidationPrice = FuturesMath.LiquidationPrice(Direction, Quantity, EntryPrice, IsolatedMargin, Brackets);

    public override string ToString() =>
        $"{Symbol} {(PositionSide == PositionSide.Both ? (IsLong ? "LONG" : "SHORT") : PositionSide.ToString().ToUpperInvariant())} {Quantity} @ {EntryPrice} x{Leverage} margin {IsolatedMargin} liq {LiquidationPrice}";
}
