using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>
/// The USDⓈ-M formulas of docs/futures.md, as Binance states them, in decimal. A side is +1 for a long and -1 for a short
/// (Binance's Side1BOTH); quantities are absolute.
/// </summary>
public static class FuturesMath
{
    /// <summary>Initial margin = quantity × entry price / leverage (IMR = 1 / leverage).</summary>
    public static decimal InitialMargin(decimal quantity, decimal entryPrice, int leverage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        return quantity * entryPrice / leverage;
    }

    /// <summary>Unrealized PnL: long = quantity × (mark − entry), short = quantity × (entry − mark).</summary>
    public static decimal UnrealizedPnl(int side, decimal quantity, decimal entryPrice, decimal markPrice) =>
        side * quantity * (markPrice - entryPrice);

    /// <summary>Maintenance margin = notional at mark × maintenance margin rate − maintenance amount of the bracket.</summary>
    public static decimal MaintenanceMargin(decimal quantity, decimal markPrice, LeverageBrackets brackets)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        var notional = quantity * markPrice;
        var bracket = brackets.For(notional);
        return notional * bracket.MaintMarginRatio - bracket.Cum;
    }

    /// <summary>
    /// Isolated liquidation price, one-way or hedge mode (TMM = 0 and UPNL = 0 in isolated mode):
    /// LP = (WB + cum − side × Q × EP) / (Q × MMR − side × Q), WB the position's isolated margin. The bracket is the one of
    /// the position's notional at the liquidation price, found as Binance says: compute, and recompute with the bracket of
    /// the result when it differs. Never below 0.
    /// </summary>
    public static decimal LiquidationPrice(int side, decimal quantity, decimal entryPrice, decimal isolatedMargin, LeverageBrackets brackets)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        if (side is not (1 or -1)) throw new ArgumentOutOfRangeException(nameof(side), side, "side is +1 (long) or -1 (short)");
        if (quantity <= 0) return 0m;
        var bracket = brackets.For(quantity * entryPrice);
        var price = LiquidationPrice(side, quantity, entryPrice, isolatedMargin, bracket);
        for (var i = 0; i < brackets.All.Count; i++)
        {
            var atLiquidation = brackets.For(quantity * price);
            if (atLiquidation == bracket) break;
            bracket = atLiquidation;
            price = LiquidationPrice(side, quantity, entryPrice, isolatedMargin, bracket);
        }
        return price;
    }

    private static decimal LiquidationPrice(int side, decimal quantity, decimal entryPrice, decimal isolatedMargin, in LeverageBracket bracket)
    {
        var price = (isolatedMargin + bracket.Cum - side * quantity * entryPrice) / (quantity * bracket.MaintMarginRatio - side * quantity);
        return Math.Max(0m, price);
    }

    /// <summary>
    /// Funding payment = position notional at the mark price × funding rate. Returns the amount booked to the holder: negative
    /// (paid) for a long when the rate is positive, positive (received) for a short; the other way round for a negative rate.
    /// </summary>
    public static decimal Funding(int side, decimal quantity, decimal markPrice, decimal fundingRate) =>
        -side * quantity * markPrice * fundingRate;

    /// <summary>Trading fee = notional × fee rate (maker or taker), charged in USDT on every fill, opening or closing.</summary>
    public static decimal Fee(decimal quantity, decimal price, decimal feeRate) => quantity * price * feeRate;

    /// <summary>+1 for a long, -1 for a short; in one-way mode the order side of the opening trade decides.</summary>
    public static int SideOf(PositionSide positionSide, OrderSide openingSide) => positionSide switch
    {
        PositionSide.Long => 1,
        PositionSide.Short => -1,
        _ => openingSide == OrderSide.Buy ? 1 : -1,
    };
}
