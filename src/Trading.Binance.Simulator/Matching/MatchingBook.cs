using System.Text.RegularExpressions;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// The orders and balances of the simulated account and the matching rules (docs/simulator.md). A taker order (a market
/// order, or the crossing part of a limit) walks the <see cref="BookModel"/> around the last replayed price; resting limits
/// fill as maker when a replayed bar trades through them, oldest first, within the bar's volume, so a thin bar fills them in
/// parts. Commission is charged in the asset received. Not thread-safe: <see cref="SimulatedExchange"/> serialises every call.
/// Each change appends its user-data events.
/// </summary>
internal sealed partial class MatchingBook(IReadOnlyList<SymbolInfo> symbols, SimulatorTradingOptions options)
{
    private readonly Dictionary<Symbol, SymbolInfo> _symbols = symbols.ToDictionary(s => s.Symbol);
    private readonly Dictionary<Symbol, decimal> _lastPrices = [];
    private readonly Dictionary<Symbol, decimal> _lastBarVolumes = [];
    private readonly Dictionary<Symbol, decimal> _barVolumeLeft = [];
    private readonly List<SimulatedOrder> _open = [];
    private readonly Dictionary<long, SimulatedOrder> _byOrderId = [];
    private readonly Dictionary<(Symbol, string), SimulatedOrder> _lastByClientOrderId = [];
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;

    public SimulatedAccount Account { get; } = new(options.StartingBalances);

    /// <summary>Every order ever placed, oldest first.</summary>
    public List<SimulatedOrder> Orders { get; } = [];

    /// <summary>The orders still open (NEW or PARTIALLY_FILLED), so a candle's matching does not scan the whole history.</summary>
    public IReadOnlyList<SimulatedOrder> OpenOrders => _open;

    public SymbolInfo Info(Symbol symbol) => _symbols.TryGetValue(symbol, out var info) ? info : throw SimulatorRejection.InvalidSymbol();

    public decimal? LastPrice(Symbol symbol) => _lastPrices.TryGetValue(symbol, out var price) ? price : null;

    /// <summary>The price and the volume of the last closed bar, which sizes the modelled book.</summary>
    public void SetMarket(Symbol symbol, decimal price, decimal barVolume)
    {
        _lastPrices[symbol] = price;
        _lastBarVolumes[symbol] = barVolume;
    }

    /// <summary>The side of the modelled book a taker on <paramref name="takerSide"/> meets; empty before any price.</summary>
    public IReadOnlyList<BookLevel> Book(Symbol symbol, OrderSide takerSide) =>
        LastPrice(symbol) is { } last
            ? BookModel.Side(takerSide, last, _lastBarVolumes.GetValueOrDefault(symbol), Info(symbol).Filters, options)
            : [];

    public SimulatedOrder Place(NewSimulatedOrder request, long nowMs, List<byte[]> events) => Place(request, nowMs, events, -1, holdsLock: true);

    /// <summary>
    /// Places one order (or an order list's leg: <paramref name="holdsLock"/> is false for the legs that share the first leg's
    /// lock). A stop or take-profit order waits, locked, for its trigger; the others take what crosses and rest or expire.
    /// </summary>
    private SimulatedOrder Place(NewSimulatedOrder request, long nowMs, List<byte[]> events, long orderListId, bool holdsLock, bool activation = false)
    {
        var info = Info(request.Symbol);
        var clientOrderId = request.ClientOrderId ?? $"sim{_nextOrderId:D8}";
        CheckClientOrderId(clientOrderId);
        var isLimit = request.Type == OrderType.Limit;
        var last = LastPrice(request.Symbol);
        if ((!isLimit || request.StopPrice is not null) && last is null) throw new SimulatorRejection(-2010, "Market is closed.");
        OrderFilterCheck.Check(info.Filters, request, isLimit ? request.Price!.Value : request.StopPrice ?? last!.Value);
        if (request.StopPrice is { } stop)
        {
            if (!activation && StopTriggers(request.Side, request.IsStopLoss, stop, last!.Value, last.Value)) throw new SimulatorRejection(-2010, "Order would trigger immediately.");
            var locked = request.Side == OrderSide.Buy ? (request.Price ?? stop) * request.Quantity * QuoteFeeFactor : request.Quantity;
            if (holdsLock && Account.Free(LockedAsset(info, request.Side)) < locked) throw SimulatorRejection.InsufficientBalance();
            var waiting = Create(request, info, clientOrderId, request.Quantity, orderListId, nowMs, working: false);
            events.Add(UserDataJson.ExecutionReport(waiting, "NEW", null, nowMs));
            if (holdsLock) LockFor(waiting, locked, nowMs, events);
            return waiting;
        }

        var plan = Plan(request.Symbol, request.Side, request.Quantity, request.QuoteOrderQty, isLimit ? request.Price : null, request.TimeInForce);
        if (request.PostOnly && plan.Taken > 0) throw new SimulatorRejection(-2010, "Order would immediately match and take.");
        if (plan.Quantity <= 0) throw SimulatorRejection.Filter("NOTIONAL");
        if (holdsLock && Account.Free(LockedAsset(info, request.Side)) < plan.Needed) throw SimulatorRejection.InsufficientBalance();
        var order = Create(request, info, clientOrderId, plan.Quantity, orderListId, nowMs, working: true);
        events.Add(UserDataJson.ExecutionReport(order, "NEW", null, nowMs));
        Execute(order, plan, holdsLock, nowMs, events);
        return order;
    }

    /// <summary>Binance's pattern, and unique among the open orders.</summary>
    private void CheckClientOrderId(string clientOrderId)
    {
        if (!ClientOrderIdPattern().IsMatch(clientOrderId))
            throw new SimulatorRejection(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        if (_open.Exists(o => o.ClientOrderId == clientOrderId)) throw SimulatorRejection.Duplicate();
    }

    private SimulatedOrder Create(NewSimulatedOrder request, SymbolInfo info, string clientOrderId, decimal quantity, long orderListId, long nowMs, bool working)
    {
        var isLimit = request.Type == OrderType.Limit;
        var order = new SimulatedOrder
        {
            Symbol = request.Symbol, BaseAsset = info.BaseAsset, QuoteAsset = info.QuoteAsset, OrderId = _reusedOrderId ?? _nextOrderId,
            ClientOrderId = clientOrderId, Side = request.Side, Type = request.Type, TypeName = request.BinanceType,
            TimeInForce = isLimit ? request.TimeInForce : "GTC", Price = isLimit ? request.Price!.Value : 0m, StopPrice = request.StopPrice ?? 0m,
            Quantity = quantity, OrigQuoteOrderQty = request.QuoteOrderQty ?? 0m, PostOnly = request.PostOnly, OrderListId = orderListId,
            TimeMs = nowMs, UpdateTimeMs = nowMs, WorkingTimeMs = working ? nowMs : -1,
        };
        if (_reusedOrderId is null) _nextOrderId++;
        Orders.Add(order);
        _byOrderId[order.OrderId] = order;
        _lastByClientOrderId[(order.Symbol, clientOrderId)] = order;
        _open.Add(order);
        return order;
    }

    /// <summary>What a working order takes from the modelled book now, what it then holds, and the balance that needs.</summary>
    private ExecutionPlan Plan(Symbol symbol, OrderSide side, decimal quantity, decimal? quoteOrderQty, decimal? limit, string timeInForce)
    {
        var filters = Info(symbol).Filters;
        var takes = BookModel.Walk(Book(symbol, side), side, quoteOrderQty is null ? quantity : null, quoteOrderQty, limit, filters);
        var taken = takes.Sum(t => t.Quantity);
        var total = quoteOrderQty is null ? quantity : taken;
        var rests = limit is not null && timeInForce == "GTC" && taken < total;
        if (timeInForce == "FOK" && taken < total) takes.Clear();
        var needed = side == OrderSide.Buy
            ? (takes.Sum(t => t.Price * t.Quantity) + (rests ? limit!.Value * (total - taken) : 0m)) * QuoteFeeFactor
            : total;
        return new ExecutionPlan(takes, taken, total, rests, needed);
    }

    /// <summary>Trades the plan's takes, then rests the remainder (locking it unless a sibling leg holds the lock) or expires it.</summary>
    private void Execute(SimulatedOrder order, ExecutionPlan plan, bool holdsLock, long nowMs, List<byte[]> events)
    {
        foreach (var take in plan.Takes) Trade(order, take.Price, take.Quantity, isMaker: false, nowMs, events);
        if (!order.IsOpen) return;
        if (!plan.Rests) Close(order, "EXPIRED", nowMs, events);
        else if (holdsLock)
            LockFor(order, order.Side == OrderSide.Buy ? order.Price * (order.Quantity - order.ExecutedQuantity) * QuoteFeeFactor : order.Quantity - order.ExecutedQuantity, nowMs, events);
    }

    private void LockFor(SimulatedOrder order, decimal amount, long nowMs, List<byte[]> events)
    {
        order.Locked = amount;
        Account.Lock(order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset, amount);
        events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
    }

    private static string LockedAsset(SymbolInfo info, OrderSide side) => side == OrderSide.Buy ? info.QuoteAsset : info.BaseAsset;

    public SimulatedOrder Find(Symbol symbol, long? orderId, string? clientOrderId)
    {
        Info(symbol);
        if (orderId is null && clientOrderId is null) throw new SimulatorRejection(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        var order = orderId is { } id
            ? _byOrderId.GetValueOrDefault(id)
            : _lastByClientOrderId.GetValueOrDefault((symbol, clientOrderId!));
        return order is not null && order.Symbol == symbol && (clientOrderId is null || order.ClientOrderId == clientOrderId)
            ? order
            : throw SimulatorRejection.NoSuchOrder();
    }

    public SimulatedOrder Cancel(SimulatedOrder order, string cancelClientOrderId, long nowMs, List<byte[]> events)
    {
        if (!order.IsOpen) throw SimulatorRejection.UnknownOrder();
        if (order.OrderListId >= 0 && _lists.TryGetValue(order.OrderListId, out var list) && list.IsOpen)
        {
            CancelList(list, leg => leg == order ? cancelClientOrderId : $"{cancelClientOrderId}-{leg.OrderId}", nowMs, events);
            return order;
        }
        Close(order, "CANCELED", nowMs, events, cancelClientOrderId);
        return order;
    }

    /// <summary>A bar opens: its volume becomes the budget of the resting orders; stops its open reaches trigger, and limits it crosses fill, at the open.</summary>
    public void OnBarOpen(Candle bar, long nowMs, List<byte[]> events)
    {
        _lastPrices[bar.Symbol] = bar.Open;
        _barVolumeLeft[bar.Symbol] = bar.Volume * options.FillShareOfBarVolume;
        TriggerWaiting(bar.Symbol, bar.Open, bar.Open, bar.Open, nowMs, events);
        foreach (var order in _open.Where(o => o.Symbol == bar.Symbol && o.IsWorking && Crosses(o, bar.Open)).ToList())
            FillResting(order, bar.Open, nowMs, events);
    }

    /// <summary>A closed bar: waiting stops its range reaches trigger at their stop price; resting limits it traded through fill at their limit (or at the open on a gap), within what is left of its volume.</summary>
    public void OnClosedBar(Candle bar, long nowMs, List<byte[]> events)
    {
        TriggerWaiting(bar.Symbol, bar.Low, bar.High, null, nowMs, events);
        foreach (var order in _open.Where(o => o.Symbol == bar.Symbol && o.IsWorking).ToList())
        {
            if (order.IsOpen && FillModel.TryFillLimit(order.Side, order.Price, bar, out var price, out _)) FillResting(order, price, nowMs, events);
        }
        SetMarket(bar.Symbol, bar.Close, bar.Volume);
        _barVolumeLeft.Remove(bar.Symbol);
    }

    private static bool Crosses(SimulatedOrder order, decimal price) =>
        order.Side == OrderSide.Buy ? price <= order.Price : price >= order.Price;

    private void FillResting(SimulatedOrder order, decimal price, long nowMs, List<byte[]> events)
    {
        var left = _barVolumeLeft.GetValueOrDefault(order.Symbol);
        var quantity = Info(order.Symbol).Filters.RoundQuantity(Math.Min(order.Quantity - order.ExecutedQuantity, left));
        if (quantity <= 0) return;
        _barVolumeLeft[order.Symbol] = left - quantity;
        Trade(order, price, quantity, isMaker: true, nowMs, events);
    }

    /// <summary>What a buy spends per unit of notional: 1, or 1 + the rate when its commission is charged in the quote asset.</summary>
    private decimal QuoteFeeFactor => options.CommissionInReceivedAsset ? 1m : 1m + options.CommissionRate;

    private decimal Commission(decimal amount) => Math.Round(amount * options.CommissionRate, 8, MidpointRounding.AwayFromZero);

    private void Trade(SimulatedOrder order, decimal price, decimal quantity, bool isMaker, long nowMs, List<byte[]> events)
    {
        if (order.Trades.Count == 0) ExpireSiblings(order, nowMs, events);
        var notional = price * quantity;
        var inBase = order.Side == OrderSide.Buy && options.CommissionInReceivedAsset;
        var commission = Commission(inBase ? quantity : notional);
        if (order.Side == OrderSide.Buy)
        {
            Release(order, order.QuoteAsset, order.Price * quantity * QuoteFeeFactor);
            Account.AddFree(order.QuoteAsset, -notional - (inBase ? 0m : commission));
            Account.AddFree(order.BaseAsset, quantity - (inBase ? commission : 0m));
        }
        else
        {
            Release(order, order.BaseAsset, quantity);
            Account.AddFree(order.BaseAsset, -quantity);
            Account.AddFree(order.QuoteAsset, notional - commission);
        }
        var trade = new SimulatedTrade(_nextTradeId++, price, quantity, commission, inBase ? order.BaseAsset : order.QuoteAsset, isMaker, nowMs);
        order.Trades.Add(trade);
        order.ExecutedQuantity += quantity;
        order.CumulativeQuote += notional;
        order.Status = order.ExecutedQuantity == order.Quantity ? "FILLED" : "PARTIALLY_FILLED";
        if (order.Status == "FILLED") _open.Remove(order);
        order.UpdateTimeMs = nowMs;
        Account.UpdateTimeMs = nowMs;
        events.Add(UserDataJson.ExecutionReport(order, "TRADE", trade, nowMs));
        events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
        if (order.Status == "FILLED") ActivatePending(order, nowMs, events);
    }

    /// <summary>Unlocks what a resting order held for the part that now trades.</summary>
    private void Release(SimulatedOrder order, string asset, decimal amount)
    {
        if (order.Locked <= 0) return;
        var released = Math.Min(order.Locked, amount);
        Account.Unlock(asset, released);
        order.Locked -= released;
    }

    private void Close(SimulatedOrder order, string status, long nowMs, List<byte[]> events, string? cancelClientOrderId = null)
    {
        var hadLock = order.Locked > 0;
        if (hadLock) Account.Unlock(order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset, order.Locked);
        order.Locked = 0;
        order.Status = status;
        _open.Remove(order);
        order.UpdateTimeMs = nowMs;
        order.CancelClientOrderId = cancelClientOrderId;
        events.Add(UserDataJson.ExecutionReport(order, status, null, nowMs, cancelClientOrderId));
        if (hadLock) events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
    }

    private IReadOnlyList<SimulatedBalance> ChangedBalances(SimulatedOrder order) =>
        [Account.Balance(order.BaseAsset), Account.Balance(order.QuoteAsset)];

    [GeneratedRegex("^[.A-Z:/a-z0-9_-]{1,36}$")]
    private static partial Regex ClientOrderIdPattern();
}
