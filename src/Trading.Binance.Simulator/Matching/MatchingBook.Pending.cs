using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// OTO and OTOCO order lists: a working LIMIT (or LIMIT_MAKER) order, and pending orders (PENDING_NEW, holding nothing)
/// that are placed when it has filled completely, keeping their order ids; an OTOCO's two pending orders form an OCO.
/// </summary>
internal sealed partial class MatchingBook
{
    private long? _reusedOrderId;

    /// <summary>
    /// Checks every order first (client ids, filters, an OTOCO's prices around the working price), so a refused list places
    /// nothing; then places the working order, which may fill at once and so place the pending ones.
    /// </summary>
    public SimulatedOrderList PlaceTriggered(NewSimulatedTriggeredList request, long nowMs, List<byte[]> events)
    {
        var info = Info(request.Symbol);
        var listClientOrderId = ListClientOrderId(request.ListClientOrderId);
        var workingPrice = request.Working.Price!.Value;
        var ids = request.Pending.Select(p => p.ClientOrderId).Append(request.Working.ClientOrderId).OfType<string>().ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count) throw SimulatorRejection.Duplicate();
        foreach (var id in ids) CheckClientOrderId(id);
        foreach (var leg in request.Pending)
        {
            if (leg.QuoteOrderQty is not null) throw new SimulatorRejection(-1106, "Parameter 'quoteOrderQty' sent when not required.");
            OrderFilterCheck.Check(info.Filters, leg, leg.Price ?? leg.StopPrice ?? workingPrice);
        }
        if (request.Pending.Count == 2) CheckOcoPrices(new NewSimulatedOco(null, request.Pending[1], request.Pending[0]), workingPrice);

        var listId = _nextOrderListId;
        var working = Place(request.Working, nowMs, events, listId, holdsLock: true);
        _nextOrderListId++;
        var list = new SimulatedOrderList
        {
            OrderListId = listId, ListClientOrderId = listClientOrderId, Symbol = request.Symbol, TransactionTimeMs = nowMs,
            ContingencyType = request.ContingencyType, PendingRequests = request.Pending,
        };
        _lists[listId] = list;
        list.Orders.Add(working);
        foreach (var leg in request.Pending)
        {
            var pending = Create(leg, info, leg.ClientOrderId ?? $"sim{_nextOrderId:D8}", leg.Quantity, listId, nowMs, working: false);
            _open.Remove(pending);
            pending.Status = "PENDING_NEW";
            list.Orders.Add(pending);
            events.Add(UserDataJson.ExecutionReport(pending, "NEW", null, nowMs));
        }
        events.Add(UserDataJson.ListStatus(list, nowMs));
        if (working.Status == "FILLED") ActivatePending(working, nowMs, events);
        return list;
    }

    /// <summary>
    /// The working order of an open OTO/OTOCO filled: its pending orders go on the book under their ids (an OTOCO's pair sharing
    /// one lock, a stop already reached triggering on the next price). Those the balance (after commission) or the book refuse expire.
    /// </summary>
    private void ActivatePending(SimulatedOrder working, long nowMs, List<byte[]> events)
    {
        if (working.OrderListId < 0 || !_lists.TryGetValue(working.OrderListId, out var list) || !list.IsOpen || !list.HasWorkingOrder
            || list.Orders[0] != working || list.Orders.Count != list.PendingRequests.Count + 1) return;
        var info = Info(list.Symbol);
        var side = list.PendingRequests[0].Side;
        var holdsLock = list.PendingRequests.Count == 1;
        try
        {
            if (!holdsLock)
            {
                var needed = side == OrderSide.Buy
                    ? list.PendingRequests.Max(l => l.Price ?? l.StopPrice!.Value) * list.PendingRequests[0].Quantity * QuoteFeeFactor
                    : list.PendingRequests[0].Quantity;
                if (Account.Free(LockedAsset(info, side)) < needed) throw SimulatorRejection.InsufficientBalance();
                for (var i = 0; i < list.PendingRequests.Count; i++) Activate(list, i + 1, holdsLock: false, nowMs, events);
                if (list.Orders[1].IsOpen) LockFor(list.Orders[1], needed, nowMs, events);
            }
            else Activate(list, 1, holdsLock: true, nowMs, events);
        }
        catch (SimulatorRejection)
        {
            foreach (var leg in list.Orders.Skip(1).Where(o => o.IsOpen)) Close(leg, "EXPIRED", nowMs, events);
            list.Finish();
            events.Add(UserDataJson.ListStatus(list, nowMs));
        }
    }

    /// <summary>Places the pending order at <paramref name="index"/> in place of its PENDING_NEW placeholder, with its order id.</summary>
    private void Activate(SimulatedOrderList list, int index, bool holdsLock, long nowMs, List<byte[]> events)
    {
        var placeholder = list.Orders[index];
        _open.Remove(placeholder);
        placeholder.Status = "EXPIRED"; // frees its client id for the order that takes its place
        _reusedOrderId = placeholder.OrderId;
        SimulatedOrder placed;
        try
        {
            placed = Place(list.PendingRequests[index - 1] with { ClientOrderId = placeholder.ClientOrderId }, nowMs, events, list.OrderListId, holdsLock, activation: true);
        }
        catch (SimulatorRejection)
        {
            placeholder.Status = "PENDING_NEW";
            throw;
        }
        finally
        {
            _reusedOrderId = null;
        }
        Orders.Remove(placed);
        Orders[Orders.IndexOf(placeholder)] = placed;
        list.Orders[index] = placed;
    }
}
