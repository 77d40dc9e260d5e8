using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>Order lists (OCO): two legs that share one lock; the first to trigger or fill expires the other.</summary>
internal sealed partial class MatchingBook
{
    private readonly Dictionary<long, SimulatedOrderList> _lists = [];
    private long _nextOrderListId;

    public IEnumerable<SimulatedOrderList> Lists => _lists.Values;

    /// <summary>
    /// Places an OCO after checking both legs (types, the price relationship around the last price, filters, the shared
    /// balance), so a refused list places nothing. The below leg is placed first and holds the lock.
    /// </summary>
    public SimulatedOrderList PlaceOco(NewSimulatedOco request, long nowMs, List<byte[]> events)
    {
        var info = Info(request.Symbol);
        var last = LastPrice(request.Symbol) ?? throw new SimulatorRejection(-2010, "Market is closed.");
        CheckOcoPrices(request, last);
        var listClientOrderId = ListClientOrderId(request.ListClientOrderId);
        NewSimulatedOrder[] legs = [request.Below, request.Above];
        if (request.Above.ClientOrderId is { } aboveId && aboveId == request.Below.ClientOrderId) throw SimulatorRejection.Duplicate();
        foreach (var leg in legs)
        {
            if (leg.ClientOrderId is { } legId) CheckClientOrderId(legId);
            OrderFilterCheck.Check(info.Filters, leg, leg.Price ?? leg.StopPrice!.Value);
            if (leg.StopPrice is { } stop && StopTriggers(leg.Side, leg.IsStopLoss, stop, last, last))
                throw new SimulatorRejection(-2010, "Order would trigger immediately.");
        }
        var needed = request.Side == OrderSide.Buy
            ? legs.Max(l => l.Price ?? l.StopPrice!.Value) * request.Below.Quantity * QuoteFeeFactor
            : request.Below.Quantity;
        if (Account.Free(LockedAsset(info, request.Side)) < needed) throw SimulatorRejection.InsufficientBalance();

        var list = new SimulatedOrderList
        {
            OrderListId = _nextOrderListId++, ListClientOrderId = listClientOrderId, Symbol = request.Symbol, TransactionTimeMs = nowMs,
        };
        _lists[list.OrderListId] = list;
        list.Orders.Add(Place(request.Below, nowMs, events, list.OrderListId, holdsLock: false));
        list.Orders.Add(Place(request.Above, nowMs, events, list.OrderListId, holdsLock: false));
        LockFor(list.Orders[0], needed, nowMs, events);
        events.Add(UserDataJson.ListStatus(list, nowMs));
        return list;
    }

    /// <summary>
    /// One leg is a stop-loss, the other a take-profit or LIMIT_MAKER; the stop-loss is below on a SELL and above on a BUY;
    /// the above leg's price is above the last price and the below leg's under it (a leg's price is its limit for
    /// LIMIT_MAKER and TAKE_PROFIT_LIMIT, else its stop price).
    /// </summary>
    private static void CheckOcoPrices(NewSimulatedOco request, decimal last)
    {
        if (request.Side == OrderSide.Sell && request.Above.IsStopLoss) throw new SimulatorRejection(-1197, "A stop loss order in a sell OCO must be below.");
        if (request.Side == OrderSide.Buy && request.Below.IsStopLoss) throw new SimulatorRejection(-1196, "A stop loss order in a buy OCO must be above.");
        if (request.Above.IsStopLoss == request.Below.IsStopLoss) throw new SimulatorRejection(-1168, "At least one OCO order must be contingent.");
        if (!(LegPrice(request.Above) > last && last > LegPrice(request.Below)))
            throw new SimulatorRejection(-2010, "The relationship of the prices for the orders is not correct.");
    }

    /// <summary>The list's client id (generated when not sent), unique among the open lists.</summary>
    private string ListClientOrderId(string? requested)
    {
        var id = requested ?? $"simlist{_nextOrderListId:D8}";
        return _lists.Values.Any(l => l.IsOpen && l.ListClientOrderId == id) ? throw SimulatorRejection.Duplicate() : id;
    }

    private static decimal LegPrice(NewSimulatedOrder leg) =>
        leg.BinanceType is "LIMIT_MAKER" or "TAKE_PROFIT_LIMIT" ? leg.Price!.Value : leg.StopPrice!.Value;

    /// <summary>An order list by id or client id (of the symbol, when one is given).</summary>
    public SimulatedOrderList FindList(Symbol? symbol, long? orderListId, string? listClientOrderId)
    {
        if (symbol is { } checkedSymbol) Info(checkedSymbol);
        if (orderListId is null && listClientOrderId is null)
            throw new SimulatorRejection(-1102, "Param 'listClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
        var list = orderListId is { } id
            ? _lists.GetValueOrDefault(id)
            : _lists.Values.LastOrDefault(l => l.ListClientOrderId == listClientOrderId);
        return list is not null && (symbol is null || list.Symbol == symbol) && (listClientOrderId is null || list.ListClientOrderId == listClientOrderId)
            ? list
            : throw new SimulatorRejection(-2011, "Order list does not exist.");
    }

    /// <summary>DELETE /api/v3/orderList (or a cancel of one leg): every open leg is cancelled and the list is done.</summary>
    public SimulatedOrderList CancelList(SimulatedOrderList list, Func<SimulatedOrder, string> cancelIds, long nowMs, List<byte[]> events)
    {
        if (!list.IsOpen) throw new SimulatorRejection(-2011, "Order list does not exist.");
        foreach (var leg in list.Orders.Where(o => o.IsOpen)) Close(leg, "CANCELED", nowMs, events, cancelIds(leg));
        list.Finish();
        events.Add(UserDataJson.ListStatus(list, nowMs));
        return list;
    }

    /// <summary>A leg started working or trading: the list's other open legs expire and the list is done.</summary>
    private void ExpireSiblings(SimulatedOrder order, long nowMs, List<byte[]> events)
    {
        if (order.OrderListId < 0 || !_lists.TryGetValue(order.OrderListId, out var list) || !list.IsOpen) return;
        if (list.HasWorkingOrder && list.Orders[0] == order) return;
        foreach (var leg in list.Orders.Where(o => o != order && o.IsOpen)) Close(leg, "EXPIRED", nowMs, events);
        list.Finish();
        events.Add(UserDataJson.ListStatus(list, nowMs));
    }
}
