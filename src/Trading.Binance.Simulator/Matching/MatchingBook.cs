using System.Text.RegularExpressions;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// The orders and balances of the simulated account and the matching rules. Market orders (and limits that cross the
/// current price) fill at once at the current replay price as taker; resting limits fill when a replayed bar trades
/// through them, at the limit price (or the open on a gap) as maker. Commission is charged in the quote asset.
/// Not thread-safe: <see cref="SimulatedExchange"/> serialises every call. Each change appends its user-data events.
/// </summary>
internal sealed partial class MatchingBook(IReadOnlyList<SymbolInfo> symbols, SimulatorTradingOptions options)
{
    private readonly Dictionary<Symbol, SymbolInfo> _symbols = symbols.ToDictionary(s => s.Symbol);
    private readonly Dictionary<Symbol, decimal> _lastPrices = [];
    private readonly List<SimulatedOrder> _open = [];
    private readonly Dictionary<long, SimulatedOrder> _byOrderId = [];
    private readonly Dictionary<(Symbol, string), SimulatedOrder> _lastByClientOrderId = [];
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;

    public SimulatedAccount Account { get; } = new(options.StartingBalances);

    /// <summary>Every order ever placed, oldest first.</summary>
    public List<SimulatedOrder> Orders { get; } = [];

    /// <summary>The orders still open (NEW), so a candle's matching does not scan the whole history.</summary>
    public IReadOnlyList<SimulatedOrder> OpenOrders => _open;

    public SymbolInfo Info(Symbol symbol) => _symbols.TryGetValue(symbol, out var info) ? info : throw SimulatorRejection.InvalidSymbol();

    public decimal? LastPrice(Symbol symbol) => _lastPrices.TryGetValue(symbol, out var price) ? price : null;

    public void SetPrice(Symbol symbol, decimal price) => _lastPrices[symbol] = price;

    public SimulatedOrder Place(NewSimulatedOrder request, long nowMs, List<byte[]> events)
    {
        var info = Info(request.Symbol);
        var clientOrderId = request.ClientOrderId ?? $"sim{_nextOrderId:D8}";
        if (!ClientOrderIdPattern().IsMatch(clientOrderId))
            throw new SimulatorRejection(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        if (_open.Exists(o => o.ClientOrderId == clientOrderId)) throw SimulatorRejection.Duplicate();
        var current = LastPrice(request.Symbol);
        var price = request.Type == OrderType.Limit ? request.Price!.Value : current ?? throw new SimulatorRejection(-2010, "Market is closed.");
        CheckFilters(info.Filters, request, price);

        var order = new SimulatedOrder
        {
            Symbol = request.Symbol, BaseAsset = info.BaseAsset, QuoteAsset = info.QuoteAsset, OrderId = _nextOrderId,
            ClientOrderId = clientOrderId, Side = request.Side, Type = request.Type, TimeInForce = request.TimeInForce,
            Price = request.Type == OrderType.Limit ? price : 0m, Quantity = request.Quantity, TimeMs = nowMs, UpdateTimeMs = nowMs,
        };
        var crosses = current is { } now && (request.Type == OrderType.Market || Crosses(order, now));
        var cost = request.Side == OrderSide.Buy ? Cost(crosses ? current!.Value : price, request.Quantity) : request.Quantity;
        if (Account.Free(request.Side == OrderSide.Buy ? info.QuoteAsset : info.BaseAsset) < cost) throw SimulatorRejection.InsufficientBalance();

        _nextOrderId++;
        Orders.Add(order);
        _byOrderId[order.OrderId] = order;
        _lastByClientOrderId[(order.Symbol, clientOrderId)] = order;
        _open.Add(order);
        events.Add(UserDataJson.ExecutionReport(order, "NEW", null, nowMs));
        if (crosses)
            Fill(order, current!.Value, isMaker: false, nowMs, events);
        else if (request.TimeInForce != "GTC")
            Close(order, "EXPIRED", nowMs, events);
        else
        {
            order.Locked = cost;
            Account.Lock(order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset, cost);
            events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
        }
        return order;
    }

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
        Close(order, "CANCELED", nowMs, events, cancelClientOrderId);
        return order;
    }

    /// <summary>A price seen on the replay: resting orders it crosses fill at it (taker side of a gap, maker for us).</summary>
    public void OnPrice(Symbol symbol, decimal price, long nowMs, List<byte[]> events)
    {
        SetPrice(symbol, price);
        foreach (var order in _open.Where(o => o.Symbol == symbol && Crosses(o, price)).ToList())
            Fill(order, price, isMaker: true, nowMs, events);
    }

    /// <summary>A closed bar: resting limits it traded through fill at their limit (or at the open on a gap).</summary>
    public void OnClosedBar(Candle bar, long nowMs, List<byte[]> events)
    {
        foreach (var order in _open.Where(o => o.Symbol == bar.Symbol).ToList())
        {
            if (FillModel.TryFillLimit(order.Side, order.Price, bar, out var price, out _)) Fill(order, price, isMaker: true, nowMs, events);
        }
        SetPrice(bar.Symbol, bar.Close);
    }

    private static bool Crosses(SimulatedOrder order, decimal price) =>
        order.Side == OrderSide.Buy ? price <= order.Price : price >= order.Price;

    private decimal Cost(decimal price, decimal quantity)
    {
        var notional = price * quantity;
        return notional + Commission(notional);
    }

    private decimal Commission(decimal notional) => Math.Round(notional * options.CommissionRate, 8, MidpointRounding.AwayFromZero);

    private void Fill(SimulatedOrder order, decimal price, bool isMaker, long nowMs, List<byte[]> events)
    {
        var quantity = order.Quantity - order.ExecutedQuantity;
        var notional = price * quantity;
        var commission = Commission(notional);
        if (order.Locked > 0)
        {
            var lockedAsset = order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset;
            Account.Unlock(lockedAsset, order.Locked);
            order.Locked = 0;
        }
        if (order.Side == OrderSide.Buy)
        {
            Account.AddFree(order.QuoteAsset, -(notional + commission));
            Account.AddFree(order.BaseAsset, quantity);
        }
        else
        {
            Account.AddFree(order.BaseAsset, -quantity);
            Account.AddFree(order.QuoteAsset, notional - commission);
        }
        var trade = new SimulatedTrade(_nextTradeId++, price, quantity, commission, order.QuoteAsset, isMaker, nowMs);
        order.Trades.Add(trade);
        order.ExecutedQuantity += quantity;
        order.CumulativeQuote += notional;
        order.Status = "FILLED";
        _open.Remove(order);
        order.UpdateTimeMs = nowMs;
        Account.UpdateTimeMs = nowMs;
        events.Add(UserDataJson.ExecutionReport(order, "TRADE", trade, nowMs));
        events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
    }

    private void Close(SimulatedOrder order, string status, long nowMs, List<byte[]> events, string? cancelClientOrderId = null)
    {
        var hadLock = order.Locked > 0;
        if (hadLock) Account.Unlock(order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset, order.Locked);
        order.Locked = 0;
        order.Status = status;
        _open.Remove(order);
        order.UpdateTimeMs = nowMs;
        events.Add(UserDataJson.ExecutionReport(order, status, null, nowMs, cancelClientOrderId));
        if (hadLock) events.Add(UserDataJson.AccountPosition(ChangedBalances(order), nowMs, nowMs));
    }

    private IReadOnlyList<SimulatedBalance> ChangedBalances(SimulatedOrder order) =>
        [Account.Balance(order.BaseAsset), Account.Balance(order.QuoteAsset)];

    private static void CheckFilters(SymbolFilters f, NewSimulatedOrder request, decimal price)
    {
        if (request.Type == OrderType.Limit && (price < f.MinPrice || price > f.MaxPrice || !f.IsOnTick(price)))
            throw SimulatorRejection.Filter("PRICE_FILTER");
        if (request.Quantity < f.MinQuantity || request.Quantity > f.MaxQuantity || !f.IsOnStep(request.Quantity))
            throw SimulatorRejection.Filter("LOT_SIZE");
        var notional = price * request.Quantity;
        if (notional < f.MinNotional || (request.Type == OrderType.Limit && notional > f.MaxNotional))
            throw SimulatorRejection.Filter("NOTIONAL");
    }

    [GeneratedRegex("^[.A-Z:/a-z0-9_-]{1,36}$")]
    private static partial Regex ClientOrderIdPattern();
}
