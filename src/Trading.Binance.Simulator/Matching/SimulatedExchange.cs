using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// The simulator's trading side: one account, its orders, and the user-data events they cause. Every change runs
/// alone and its events are pushed to the user-data subscribers before the next change. Tests read <see cref="Orders"/>
/// and <see cref="Balances"/> directly.
/// </summary>
public sealed class SimulatedExchange
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _state = new();
    private readonly MatchingBook _book;
    private readonly SimulatedMarket _market;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private int _placementRequests;

    internal SimulatedExchange(IReadOnlyList<SymbolInfo> symbols, SimulatedMarket market, SimulatorTradingOptions options, TimeProvider time)
    {
        Options = options;
        _time = time;
        _book = new MatchingBook(symbols, options);
        _market = market;
        OrderCounts = new OrderCountMeter(options, time);
    }

    internal OrderCountMeter OrderCounts { get; }

    public SimulatorTradingOptions Options { get; }

    public OrderFaults Faults { get; } = new();

    internal UserDataHub Hub { get; } = new();

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>How many user-data subscriptions are active / were ever made.</summary>
    public int UserDataSubscriptions => Hub.SubscriptionCount;

    public int TotalUserDataSubscriptions => Hub.TotalSubscriptions;

    /// <summary>Every order ever accepted, oldest first (copies).</summary>
    public IReadOnlyList<SimulatedOrder> Orders
    {
        get { lock (_state) return _book.Orders.Select(o => o.Snapshot()).ToList(); }
    }

    public IReadOnlyList<SimulatedBalance> Balances
    {
        get { lock (_state) return _book.Account.Snapshot(); }
    }

    public SimulatedBalance Balance(string asset)
    {
        lock (_state) return _book.Account.Balance(asset);
    }

    public decimal? LastPrice(Symbol symbol)
    {
        lock (_state) return _book.LastPrice(symbol);
    }

    public IReadOnlyList<SimulatedOrder> OrdersWithClientId(string clientOrderId) =>
        Orders.Where(o => o.ClientOrderId == clientOrderId).ToList();

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Credits (or debits) an asset as a deposit would: balanceUpdate then outboundAccountPosition.</summary>
    public Task DepositAsync(string asset, decimal amount, CancellationToken ct = default) => ChangeAsync(events =>
    {
        _book.Account.AddFree(asset, amount);
        events.Add(UserDataJson.BalanceUpdate(asset, amount, NowMs));
        events.Add(UserDataJson.AccountPosition([_book.Account.Balance(asset)], NowMs, NowMs));
        return 0;
    }, ct);

    /// <summary>Aborts every WebSocket API connection (a dropped user-data stream).</summary>
    public void DropUserDataStreams() => Hub.DropAll();

    /// <summary>Sends eventStreamTerminated to every user-data subscription and ends it.</summary>
    public Task TerminateUserDataStreamsAsync(CancellationToken ct = default) => Hub.TerminateAllAsync(NowMs, ct);

    /// <summary>Releases held answers and drops the user-data connections when the simulator stops.</summary>
    internal void Stop()
    {
        _stopping.Cancel();
        Hub.DropAll();
    }

    /// <summary>How many placement requests passed the signature check (accepted or rejected).</summary>
    public int PlacementRequests => Volatile.Read(ref _placementRequests);

    internal Task<SimulatedOrder> PlaceAsync(NewSimulatedOrder request, CancellationToken ct) =>
        PlaceAsync(request.Symbol, events => _book.Place(request, NowMs, events).Snapshot(), ct);

    /// <summary>A placement (an order or an order list): counted, then made once the symbol is priced.</summary>
    private Task<T> PlaceAsync<T>(Symbol symbol, Func<List<byte[]>, T> place, CancellationToken ct)
    {
        Interlocked.Increment(ref _placementRequests);
        return ChangeAsync(events =>
        {
            EnsurePriced(symbol);
            return place(events);
        }, ct);
    }

    /// <summary>The modelled book's side a taker on <paramref name="takerSide"/> meets (asks for a buy, bids for a sell).</summary>
    public IReadOnlyList<BookLevel> Book(Symbol symbol, OrderSide takerSide)
    {
        lock (_state)
        {
            EnsurePriced(symbol);
            return _book.Book(symbol, takerSide);
        }
    }

    /// <summary>Before any replay, the last history bar of the pricing series sets the price and sizes the book.</summary>
    private void EnsurePriced(Symbol symbol)
    {
        if (_book.LastPrice(symbol) is null && PricingSeries(symbol) is { Cursor: > 0 } series)
            _book.SetMarket(symbol, series.Candles[series.Cursor - 1].Close, series.Candles[series.Cursor - 1].Volume);
    }

    /// <summary>POST /api/v3/order/test: the checks of a placement (symbol, filters), nothing placed.</summary>
    internal void Validate(NewSimulatedOrder request)
    {
        lock (_state)
        {
            EnsurePriced(request.Symbol);
            var price = request.Price ?? _book.LastPrice(request.Symbol) ?? throw new SimulatorRejection(-2010, "Market is closed.");
            OrderFilterCheck.Check(_book.Info(request.Symbol).Filters, request, price);
        }
    }

    internal SimulatedOrder Find(Symbol symbol, long? orderId, string? clientOrderId)
    {
        lock (_state) return _book.Find(symbol, orderId, clientOrderId).Snapshot();
    }

    /// <summary>The orders whose trades GET /api/v3/myTrades lists: one order by id, or every order of the symbol.</summary>
    internal IReadOnlyList<SimulatedOrder> TradedOrders(Symbol symbol, long? orderId)
    {
        lock (_state)
        {
            _book.Info(symbol);
            return _book.Orders.Where(o => o.Symbol == symbol && (orderId is null || o.OrderId == orderId)).Select(o => o.Snapshot()).ToList();
        }
    }

    /// <summary>GET /api/v3/allOrders: the symbol's orders from <paramref name="fromOrderId"/> (or in the time range), oldest first, at most <paramref name="limit"/>.</summary>
    internal IReadOnlyList<SimulatedOrder> AllOrders(Symbol symbol, long? fromOrderId, long? startMs, long? endMs, int limit)
    {
        lock (_state)
        {
            _book.Info(symbol);
            return _book.Orders.Where(o => o.Symbol == symbol && o.OrderId >= (fromOrderId ?? 0)
                    && (startMs is null || o.TimeMs >= startMs) && (endMs is null || o.TimeMs <= endMs))
                .Take(limit).Select(o => o.Snapshot()).ToList();
        }
    }

    internal IReadOnlyList<SimulatedOrder> OpenOrders(Symbol? symbol)
    {
        lock (_state) return _book.OpenOrders.Where(o => symbol is null || o.Symbol == symbol).Select(o => o.Snapshot()).ToList();
    }

    internal Task<SimulatedOrder> CancelAsync(Symbol symbol, long? orderId, string? clientOrderId, string cancelId, CancellationToken ct) =>
        ChangeAsync(events =>
        {
            SimulatedOrder order;
            try
            {
                order = _book.Find(symbol, orderId, clientOrderId);
            }
            catch (SimulatorRejection ex) when (ex.Code == -2013)
            {
                throw SimulatorRejection.UnknownOrder();
            }
            return _book.Cancel(order, cancelId, NowMs, events).Snapshot();
        }, ct);

    /// <summary>
    /// POST /api/v3/order/cancelReplace as one change: the new order's filters first (a failure places and cancels
    /// nothing), then the cancel, then, unless the cancel failed under STOP_ON_FAILURE, the new order.
    /// </summary>
    internal Task<CancelReplaceResult> CancelReplaceAsync(CancelReplaceRequest request, CancellationToken ct)
    {
        var symbol = request.NewOrder.Symbol;
        return PlaceAsync(symbol, events =>
        {
            var last = _book.LastPrice(symbol);
            OrderFilterCheck.Check(_book.Info(symbol).Filters, request.NewOrder, request.NewOrder.Price ?? request.NewOrder.StopPrice ?? last ?? 0m);
            SimulatedOrder? cancelled = null;
            SimulatorRejection? cancelError = null;
            try
            {
                var order = _book.Find(symbol, request.CancelOrderId, request.CancelOrigClientOrderId);
                cancelled = _book.Cancel(order, request.CancelNewClientOrderId, NowMs, events).Snapshot();
            }
            catch (SimulatorRejection ex)
            {
                cancelError = ex.Code == -2013 ? SimulatorRejection.UnknownOrder() : ex;
            }
            if (cancelError is not null && !request.AllowFailure) return new CancelReplaceResult(null, cancelError, null, null);
            try
            {
                return new CancelReplaceResult(cancelled, cancelError, _book.Place(request.NewOrder, NowMs, events).Snapshot(), null);
            }
            catch (SimulatorRejection ex)
            {
                return new CancelReplaceResult(cancelled, cancelError, null, ex);
            }
        }, ct);
    }

    internal Task<IReadOnlyList<SimulatedOrder>> CancelAllAsync(Symbol symbol, Func<string> cancelIds, CancellationToken ct) =>
        ChangeAsync<IReadOnlyList<SimulatedOrder>>(events =>
        {
            _book.Info(symbol);
            var open = _book.OpenOrders.Where(o => o.Symbol == symbol).ToList();
            if (open.Count == 0) throw SimulatorRejection.UnknownOrder();
            return open.Select(o => _book.Cancel(o, cancelIds(), NowMs, events).Snapshot()).ToList();
        }, ct);

    internal Task<SimulatedOrderList> PlaceOcoAsync(NewSimulatedOco request, CancellationToken ct) =>
        PlaceAsync(request.Symbol, events => _book.PlaceOco(request, NowMs, events).Snapshot(), ct);

    internal Task<SimulatedOrderList> PlaceTriggeredAsync(NewSimulatedTriggeredList request, CancellationToken ct) =>
        PlaceAsync(request.Symbol, events => _book.PlaceTriggered(request, NowMs, events).Snapshot(), ct);

    internal Task<SimulatedOrderList> CancelListAsync(Symbol symbol, long? orderListId, string? listClientOrderId, string cancelId, CancellationToken ct) =>
        ChangeAsync(events =>
        {
            var list = _book.FindList(symbol, orderListId, listClientOrderId);
            var legs = 0;
            return _book.CancelList(list, _ => legs++ == 0 ? cancelId : $"{cancelId}-{legs}", NowMs, events).Snapshot();
        }, ct);

    internal SimulatedOrderList FindList(long? orderListId, string? listClientOrderId)
    {
        lock (_state) return _book.FindList(null, orderListId, listClientOrderId).Snapshot();
    }

    /// <summary>Every order list ever placed, oldest first (copies).</summary>
    public IReadOnlyList<SimulatedOrderList> OrderLists
    {
        get { lock (_state) return _book.Lists.Select(l => l.Snapshot()).ToList(); }
    }

    internal IReadOnlyList<SimulatedOrderList> OpenLists()
    {
        lock (_state) return _book.Lists.Where(l => l.IsOpen).Select(l => l.Snapshot()).ToList();
    }

    /// <summary>
    /// The replayer's hook: as a bar opens, its open moves the price and its volume bounds what resting orders fill in it;
    /// the closed bar fills resting limits it traded through.
    /// </summary>
    internal async Task OnCandleAsync(Candle bar, bool closed, CancellationToken ct)
    {
        if (PricingSeries(bar.Symbol)?.Timeframe != bar.Timeframe) return;
        await ChangeAsync(events =>
        {
            if (closed) _book.OnClosedBar(bar, NowMs, events);
            else _book.OnBarOpen(bar, NowMs, events);
            return 0;
        }, ct);
    }

    /// <summary>The symbol's shortest-timeframe series: its bars set the price (before any replay, its last closed bar).</summary>
    private SimulatedSeries? PricingSeries(Symbol symbol) =>
        _market.Series.Where(s => s.Symbol == symbol).MinBy(s => s.Timeframe.DurationMs);

    private async Task<T> ChangeAsync<T>(Func<List<byte[]>, T> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var events = new List<byte[]>();
            T result;
            lock (_state) result = change(events);
            await Hub.BroadcastAsync(events, CancellationToken.None);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
