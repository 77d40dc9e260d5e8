using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>
/// An order as the risk gate sees it before it exists. <see cref="LimitPrice"/> is null for market orders;
/// <see cref="SignalPrice"/> is the price the strategy saw (for the price-move guard), 0 when none.
/// On spot every sell reduces a holding, so sells are exits and buys are entries.
/// </summary>
public readonly record struct OrderRequest(Symbol Symbol, OrderSide Side, decimal Quantity, decimal? LimitPrice = null, decimal SignalPrice = 0m)
{
    public bool IsExit => Side == OrderSide.Sell;

    public OrderType Type => LimitPrice is null ? OrderType.Market : OrderType.Limit;

    /// <summary>
    /// The strategy the order is for, when an allocator shares the account among strategies: the kernel then checks for a
    /// duplicate among that strategy's own open orders, and the gate skips its symbol-wide duplicate check.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>The request for a strategy's signal, sized by the caller; the signal's price feeds the price-move guard.</summary>
    public static OrderRequest ForSignal(Signal signal, decimal quantity, decimal? limitPrice = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new OrderRequest(signal.Symbol, signal.Side, quantity, limitPrice, signal.Price);
    }
}
