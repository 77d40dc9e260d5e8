using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// How a waiting market order of a one-way futures position fills at a candle's open, for the futures backtest and the
/// paper book alike: the <see cref="FillModel"/>'s price and taker fee; a reduce-only order closes at most the position
/// and expires when there is none left in the other direction; an opening order expires when its margin and fee exceed
/// the available balance at the fill price. <see cref="Expired"/> holds the reason, else the fill is to be booked.
/// </summary>
public readonly record struct FuturesMarketFill(OrderSide Side, decimal Price, decimal Quantity, decimal Fee, string? Expired)
{
    public static FuturesMarketFill At(in FuturesOrderRequest order, FuturesPosition? position, decimal availableBalance,
        FillModel fills, SymbolFilters filters, decimal open)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var side = order.Direction > 0 ? OrderSide.Buy : OrderSide.Sell;
        var price = fills.MarketPrice(side, open, filters);
        if (order.ReduceOnly)
        {
            if (position is null || position.Direction == order.Direction)
                return new(side, price, 0m, 0m, "reduce-only order expired, the position was already closed");
            var quantity = Math.Min(order.Quantity, position.Quantity);
            return new(side, price, quantity, FuturesMath.Fee(quantity, price, fills.TakerFeeRate), null);
        }
        var fee = FuturesMath.Fee(order.Quantity, price, fills.TakerFeeRate);
        return FuturesMath.InitialMargin(order.Quantity, price, order.Leverage) + fee > availableBalance
            ? new(side, price, 0m, 0m, "order expired, insufficient margin at the fill price")
            : new(side, price, order.Quantity, fee, null);
    }
}
