using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>
/// How a trend follower that can short turns around in one-way mode, where an order against the position only closes it:
/// on a cross against the position it closes it, and on the next candle, if flat and the trend still points the same way,
/// it opens in the new direction. Spot (no shorts) never reverses: it only closes.
/// </summary>
internal struct TrendReversal
{
    private OrderSide? _pending;

    /// <summary>The side to open now: the reversal decided on the previous candle, when flat and the trend still agrees.</summary>
    public OrderSide? Due(StrategyContext context, int trend)
    {
        var pending = _pending;
        _pending = null;
        if (pending is not { } side || context.PositionQuantity != 0) return null;
        return (side == OrderSide.Buy ? trend > 0 : trend < 0) ? side : null;
    }

    /// <summary>A cross to <paramref name="side"/> that closes a position against it: on a market that shorts, reverse next candle.</summary>
    public void Closing(StrategyContext context, OrderSide side)
    {
        if (context.CanShort) _pending = side;
    }

    public void Reset() => _pending = null;
}
