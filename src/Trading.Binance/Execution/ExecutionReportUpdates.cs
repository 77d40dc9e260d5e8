using System.Globalization;
using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>
/// The transitions one user-data executionReport causes on the stored order: acceptance, the reported trade (a fill keyed by
/// its trade id, so the same trade from the REST answer and from the stream is booked once), then a cancel, expiry or
/// rejection. Returns null when the report skips trades the store has not seen (a lost event): then the order is queried.
/// </summary>
public static class ExecutionReportUpdates
{
    public static IReadOnlyList<VenueUpdate>? Between(Order stored, OrderUpdate report)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(report);
        var updates = new List<VenueUpdate>(3);
        var order = stored;
        void Add(OrderTransition transition, Fill? fill = null)
        {
            updates.Add(VenueUpdate.From(transition, fill));
            order = transition.Order;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(report.TransactionTimeMs > 0 ? report.TransactionTimeMs : report.EventTimeMs);
        if (order.Status == OrderStatus.Submitted)
        {
            if (report.Status == OrderStatus.Rejected)
            {
                Add(OrderStateMachine.Reject(order, at, $"rejected by Binance: {report.RejectReason ?? "no reason given"}"));
                return updates;
            }
            Add(OrderStateMachine.Accept(order, report.OrderId.ToString(CultureInfo.InvariantCulture), at));
        }

        if (report.CumulativeQuantity > order.FilledQuantity)
        {
            if (report.LastFill is not { } trade || report.CumulativeQuantity - trade.Quantity != order.FilledQuantity) return null;
            var fill = trade.ToFill(order.Id, order.Symbol, order.Side, at);
            Add(OrderStateMachine.ApplyFill(order, fill, $"{fill.Quantity} @ {fill.Price} (trade {trade.TradeId}, user data stream)"), fill);
        }

        if (order.IsOpen && order.Status is not (OrderStatus.Created or OrderStatus.Submitted)
            && report.Status is OrderStatus.Cancelled or OrderStatus.Expired && order.Status != report.Status)
            Add(OrderStateMachine.Transition(order, report.Status, at, $"{report.Status} at Binance ({report.ExecutionType})"));
        return updates;
    }
}
