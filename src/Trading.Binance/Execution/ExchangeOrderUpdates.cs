using Trading.Binance.Orders;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>
/// The transitions that bring a stored order up to what Binance reports: acceptance (with the exchange order id), the fills
/// (each trade not yet stored, with its commission, from a FULL answer or GET /api/v3/myTrades; failing that, one fill for the
/// executed quantity not yet stored, whose commission the order answer does not tell), then a cancel, expiry or rejection.
/// </summary>
public static class ExchangeOrderUpdates
{
    public static IReadOnlyList<VenueUpdate> Between(Order stored, ExchangeOrder exchange, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(exchange);
        var updates = new List<VenueUpdate>(2 + exchange.Fills.Count);
        var order = stored;
        void Add(OrderTransition transition, Fill? fill = null)
        {
            updates.Add(VenueUpdate.From(transition, fill));
            order = transition.Order;
        }

        var at = exchange.UpdateTimeMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(exchange.UpdateTimeMs)
            : exchange.TimeMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(exchange.TimeMs) : now;
        if (order.Status == OrderStatus.Submitted)
        {
            if (exchange.Status == OrderStatus.Rejected)
            {
                Add(OrderStateMachine.Reject(order, at, "rejected by Binance"));
                return updates;
            }
            Add(OrderStateMachine.Accept(order, exchange.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), at));
        }

        if (NewTrades(exchange.Fills, order.FilledQuantity) is { } trades)
        {
            foreach (var trade in trades)
            {
                var fill = trade.ToFill(order.Id, order.Symbol, order.Side, at);
                Add(OrderStateMachine.ApplyFill(order, fill), fill);
            }
        }
        if (exchange.ExecutedQuantity > order.FilledQuantity)
        {
            var fill = ExecutedSince(order, exchange, at);
            Add(OrderStateMachine.ApplyFill(order, fill, $"{fill.Quantity} @ {fill.Price} executed (from the order's state; commission not reported)"), fill);
        }

        if (order.IsOpen && exchange.Status is OrderStatus.Cancelled or OrderStatus.Expired && order.Status != exchange.Status)
            Add(OrderStateMachine.Transition(order, exchange.Status, at, $"{exchange.Status} at Binance"));
        return updates;
    }

    /// <summary>
    /// The trades after the first ones that add up to the quantity already stored (trades come oldest first), or null when
    /// there are none or the stored quantity does not end on a trade boundary (then the rest is booked from the order's state).
    /// </summary>
    private static IEnumerable<ExchangeFill>? NewTrades(IReadOnlyList<ExchangeFill> trades, decimal stored)
    {
        var known = 0m;
        for (var i = 0; i < trades.Count; i++)
        {
            if (known == stored) return trades.Skip(i);
            known += trades[i].Quantity;
            if (known > stored) return null;
        }
        return null;
    }

    /// <summary>The executed quantity not yet stored as one fill at its average price; the id is stable for the same state.</summary>
    private static Fill ExecutedSince(Order order, ExchangeOrder exchange, DateTimeOffset at)
    {
        var quantity = exchange.ExecutedQuantity - order.FilledQuantity;
        var quote = exchange.CumulativeQuoteQuantity - (order.AverageFillPrice * order.FilledQuantity);
        return new Fill
        {
            Id = $"{order.Symbol.Name}-o{exchange.OrderId}-{exchange.ExecutedQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            OrderId = order.Id, Symbol = order.Symbol, Side = order.Side, Quantity = quantity,
            Price = quote > 0 ? quote / quantity : exchange.AveragePrice, Fee = 0m, FeeAsset = order.Symbol.QuoteAsset, Time = at,
        };
    }
}
