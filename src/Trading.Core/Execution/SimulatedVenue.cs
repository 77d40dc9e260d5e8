using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// A deterministic matching venue for backtests and paper trading (rules in docs/fills.md). It sees each candle
/// before the strategy: orders submitted at time T fill only on candles that open at or after T. Its order
/// snapshots are authoritative: callers hand it a Submitted order and then consume the updates it reports.
/// Ids are counters, so identical inputs give identical output.
/// </summary>
public sealed class SimulatedVenue
{
    private readonly Dictionary<Symbol, SimulatedSymbol> _symbols = [];
    private readonly Stack<RestingOrder> _spareEntries = new();
    private long _exchangeSequence;
    private long _fillSequence;
    private SimulatedSymbol? _lastSymbol;

    public SimulatedVenue(FillModel fillModel, decimal quoteBalance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quoteBalance);
        FillModel = fillModel ?? throw new ArgumentNullException(nameof(fillModel));
        QuoteBalance = quoteBalance;
    }

    public FillModel FillModel { get; }

    /// <summary>Where fill ids come from when set (a backtest engine's cache, shared by its runs); formatted per fill otherwise.</summary>
    internal CounterIdCache? FillIds { get; init; }

    /// <summary>Where fill objects come from when set (a backtest engine's, reused from its previous run); new ones otherwise.</summary>
    internal FillRecycler? FillObjects { get; init; }

    public decimal QuoteBalance { get; private set; }

    /// <summary>Quote held back for open buy orders (limit price or last price, plus the higher fee).</summary>
    public decimal ReservedQuote { get; private set; }

    public decimal AvailableQuote => QuoteBalance - ReservedQuote;

    public int OpenOrderCount { get; private set; }

    public IEnumerable<Order> OpenOrders => _symbols.Values.SelectMany(s => s.Orders).Select(r => r.Order);

    public void AddSymbol(Symbol symbol, SymbolFilters filters, decimal baseBalance = 0m)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfNegative(baseBalance);
        _symbols[symbol] = new SimulatedSymbol(symbol, filters) { BaseBalance = baseBalance };
        _lastSymbol = null;
    }

    public decimal BaseBalance(Symbol symbol) => _symbols.TryGetValue(symbol, out var s) ? s.BaseBalance : 0m;

    public decimal LastPrice(Symbol symbol) => _symbols.TryGetValue(symbol, out var s) ? s.LastPrice : 0m;

    /// <summary>Accepts (New) or rejects (Rejected, with the reason) an order in Submitted status.</summary>
    public VenueUpdate Submit(Order order, DateTimeOffset time)
    {
        var problem = Admit(order, out var s, out var reservedQuote);
        if (problem is not null) return VenueUpdate.From(OrderStateMachine.Reject(order, time, problem));
        var accepted = OrderStateMachine.Accept(order, CounterIds.Format("SIM-", ++_exchangeSequence), time);
        Rest(s!, accepted.Order, time, reservedQuote);
        return VenueUpdate.From(accepted);
    }

    /// <summary>
    /// For a backtest, which keeps fills but neither order snapshots nor events: the checks and the book of
    /// <see cref="Submit"/>, but the order rests as given (Submitted, no exchange id) and no acceptance snapshot is
    /// made. Returns the reason the venue refuses the order, or null when it rests. Its fills are reported as usual.
    /// </summary>
    internal string? SubmitQuietly(Order order, DateTimeOffset time)
    {
        var problem = Admit(order, out var s, out var reservedQuote);
        if (problem is not null) return problem;
        ++_exchangeSequence;
        Rest(s!, order, time, reservedQuote);
        return null;
    }

    /// <summary>
    /// Puts back an order a venue accepted earlier (an open paper order read from the store): it rests from
    /// <paramref name="activeFrom"/> and reserves balance as <see cref="Submit"/> did. <paramref name="hasSeenCandle"/>: it
    /// already met a candle, so crossing now is a maker fill.
    /// </summary>
    public void Restore(Order order, DateTimeOffset activeFrom, bool hasSeenCandle)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status is not (OrderStatus.New or OrderStatus.PartiallyFilled))
            throw new ArgumentException($"Only an accepted open order can be restored, not {order.Status} order {order.Id}.", nameof(order));
        var s = Get(order.Symbol);
        Rest(s, order, activeFrom, order.Side == OrderSide.Buy ? QuoteNeeded(s, order) : 0m);
        s.Orders[^1].IsFresh = !hasSeenCandle;
    }

    /// <summary>Sets a symbol's last price without matching anything (the price a restored venue knew).</summary>
    public void SetLastPrice(Symbol symbol, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        Get(symbol).LastPrice = price;
    }

    private string? Admit(Order order, out SimulatedSymbol? s, out decimal reservedQuote)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != OrderStatus.Submitted)
            throw new ArgumentException($"Order {order.Id} must be Submitted before it reaches the venue, not {order.Status}.", nameof(order));
        reservedQuote = 0m;
        if (!_symbols.TryGetValue(order.Symbol, out s)) return $"unknown symbol {order.Symbol}";
        if (HoldsClientOrderId(s, order.ClientOrderId)) return $"duplicate order: client order id {order.ClientOrderId} is already open";

        reservedQuote = order.Side == OrderSide.Buy ? QuoteNeeded(s, order) : 0m;
        return VenueOrderRules.FindProblem(order, s.Filters, s.LastPrice) ?? FindBalanceProblem(s, order, reservedQuote);
    }

    private void Rest(SimulatedSymbol s, Order order, DateTimeOffset time, decimal reservedQuote)
    {
        s.Orders.Add(Entry(order, time.ToUnixTimeMilliseconds(), reservedQuote));
        ReservedQuote += reservedQuote;
        OpenOrderCount++;
    }

    /// <summary>Cancels an open order (New → PendingCancel → Cancelled); false when the venue holds no such open order.</summary>
    public bool TryCancel(string orderId, DateTimeOffset time, ICollection<VenueUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (!TryFindResting(orderId, out var s, out var index)) return false;
        var pending = OrderStateMachine.RequestCancel(s.Orders[index].Order, time);
        var cancelled = OrderStateMachine.Cancel(pending.Order, time);
        updates.Add(VenueUpdate.From(pending));
        updates.Add(VenueUpdate.From(cancelled));
        Release(s, index);
        return true;
    }

    /// <summary>A backtest's cancel: the order leaves the book without snapshots; false when the venue holds no such open order.</summary>
    internal bool TryCancelQuietly(string orderId)
    {
        if (!TryFindResting(orderId, out var s, out var index)) return false;
        Release(s, index);
        return true;
    }

    private bool TryFindResting(string orderId, out SimulatedSymbol s, out int index)
    {
        foreach (var candidate in _symbols.Values)
        {
            index = candidate.Orders.FindIndex(r => r.Order.Id == orderId);
            if (index < 0) continue;
            s = candidate;
            return true;
        }
        s = null!;
        index = -1;
        return false;
    }

    /// <summary>
    /// Matches one closed candle: market orders at its open (plus slippage), then the exit bracket along the
    /// assumed path, then limit orders that trade through. Allocates nothing when nothing fills.
    /// </summary>
    public void OnCandle(in Candle candle, ICollection<VenueUpdate> updates) => Match(candle, VenueOutput.Of(updates));

    /// <summary>
    /// <see cref="OnCandle"/> for a backtest: the fills go to <paramref name="fills"/> and the orders that left the book to
    /// <paramref name="closedOrders"/>; no order snapshots or events are made.
    /// </summary>
    internal void OnCandleQuietly(in Candle candle, List<Fill> fills, List<Order> closedOrders) =>
        Match(candle, VenueOutput.Quiet(fills, closedOrders));

    private void Match(in Candle candle, VenueOutput output)
    {
        var s = _lastSymbol;
        if (s is null || !ReferenceEquals(s.Symbol.Name, candle.Symbol.Name))
        {
            if (!_symbols.TryGetValue(candle.Symbol, out s)) return;
            _lastSymbol = s;
        }
        var orders = s.Orders;
        for (var i = orders.Count - 1; i >= 0; i--)
        {
            var resting = orders[i];
            if (resting.Order.Type != OrderType.Market || resting.ActiveFromMs > candle.OpenTimeMs) continue;
            var price = FillModel.MarketPrice(resting.Order.Side, candle.Open, s.Filters);
            if (Execute(s, resting, price, isMaker: false, candle.OpenTime, output)) Release(s, i);
        }

        for (var i = orders.Count - 1; i >= 0; i--)
        {
            var resting = orders[i];
            if (resting.Order.Type != OrderType.Limit || resting.ActiveFromMs > candle.OpenTimeMs) continue;
            var fresh = resting.IsFresh;
            resting.IsFresh = false;
            if (!FillModel.TryFillLimit(resting.Order.Side, resting.Order.Price!.Value, candle, out var price, out var atOpen)) continue;
            var time = atOpen ? candle.OpenTime : candle.CloseTime;
            if (Execute(s, resting, price, isMaker: !(fresh && atOpen), time, output)) Release(s, i);
        }
        s.LastPrice = candle.Close;
    }

    /// <summary>
    /// Fills a protective exit the kernel triggered on a candle, at once: a stop at its level less slippage (a market
    /// sell), a take-profit at its level (a resting limit traded through: maker). Reports the acceptance and the fill.
    /// </summary>
    public void FillExit(Order submitted, in ProtectiveExitTrigger trigger, ICollection<VenueUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var accepted = OrderStateMachine.Accept(submitted, CounterIds.Format("SIM-", ++_exchangeSequence), trigger.Time);
        updates.Add(VenueUpdate.From(accepted));
        Exit(accepted.Order, trigger, VenueOutput.Of(updates));
    }

    /// <summary><see cref="FillExit"/> for a backtest: the fill and the closed order only.</summary>
    internal void FillExitQuietly(Order submitted, in ProtectiveExitTrigger trigger, List<Fill> fills, List<Order> closedOrders) =>
        Exit(submitted, trigger, VenueOutput.Quiet(fills, closedOrders));

    private void Exit(Order order, in ProtectiveExitTrigger trigger, VenueOutput output)
    {
        var s = Get(trigger.Symbol);
        var price = trigger.IsStop ? FillModel.MarketPrice(OrderSide.Sell, trigger.Exit.Price, s.Filters) : trigger.Exit.Price;
        var entry = Entry(order, 0, 0m);
        Execute(s, entry, price, isMaker: !trigger.IsStop, trigger.Time, output);
        _spareEntries.Push(entry);
    }

    /// <summary>Fills what the balance allows; the rest expires. Returns true when the order left the book.</summary>
    private bool Execute(SimulatedSymbol s, RestingOrder resting, decimal price, bool isMaker, DateTimeOffset time, VenueOutput output)
    {
        var order = resting.Order;
        var feeRate = isMaker ? FillModel.MakerFeeRate : FillModel.TakerFeeRate;
        var quantity = order.RemainingQuantity;
        var affordable = order.Side == OrderSide.Buy
            ? AffordableBuy(s, quantity, AvailableQuote + resting.ReservedQuote, price * (1m + feeRate))
            : s.BaseBalance - s.ReservedBase() + (s.Orders.Contains(resting) ? quantity : 0m);
        var complete = affordable >= quantity;
        if (!complete) quantity = Math.Max(0m, affordable);

        if (complete || (quantity > 0 && quantity >= s.Filters.MinQuantity && quantity * price >= s.Filters.MinNotional))
        {
            var fill = Book(s, order, price, quantity, feeRate, isMaker, time);
            if (output.IsQuiet)
            {
                output.Fills!.Add(fill);
                if (complete) return Closed(order, output);
            }
            else
            {
                var filled = OrderStateMachine.ApplyFill(order, fill);
                output.Updates!.Add(VenueUpdate.From(filled, fill));
                order = filled.Order;
                resting.Order = order;
                if (order.Status == OrderStatus.Filled) return true;
            }
        }

        if (output.IsQuiet) return Closed(order, output);
        var expired = OrderStateMachine.Expire(order, time, $"insufficient balance to fill the remaining {order.RemainingQuantity} at {price}");
        output.Updates!.Add(VenueUpdate.From(expired));
        resting.Order = expired.Order;
        return true;
    }

    private static bool Closed(Order order, VenueOutput output)
    {
        output.ClosedOrders!.Add(order);
        return true;
    }

    /// <summary>Makes the fill and moves the balances.</summary>
    private Fill Book(SimulatedSymbol s, Order order, decimal price, decimal quantity, decimal feeRate, bool isMaker, DateTimeOffset time)
    {
        var notional = quantity * price;
        var fee = notional * feeRate;
        ++_fillSequence;
        if (order.Side == OrderSide.Buy)
        {
            QuoteBalance -= notional + fee;
            s.BaseBalance += quantity;
        }
        else
        {
            s.BaseBalance -= quantity;
            QuoteBalance += notional - fee;
        }
        var id = FillIds?.Get(_fillSequence) ?? CounterIds.Format("SIM-F", _fillSequence);
        if (FillObjects is not null) return FillObjects.Next(id, order.Id, s.Symbol, order.Side, price, quantity, fee, s.QuoteAsset, isMaker, time);
        return new Fill
        {
            Id = id, OrderId = order.Id, Symbol = s.Symbol, Side = order.Side,
            Price = price, Quantity = quantity, Fee = fee, FeeAsset = s.QuoteAsset, IsMaker = isMaker, Time = time,
        };
    }

    /// <summary>
    /// The quantity <paramref name="quote"/> buys at <paramref name="unitCost"/> (price plus fee), on the step. When the
    /// whole (on-step) <paramref name="wanted"/> quantity is affordable by an exact multiplication, that is the answer's
    /// only use, so the division is skipped: the rounded quotient of a dividend at least wanted × divisor is at least wanted.
    /// </summary>
    private static decimal AffordableBuy(SimulatedSymbol s, decimal wanted, decimal quote, decimal unitCost)
    {
        var cost = wanted * unitCost;
        if (cost.Scale == wanted.Scale + unitCost.Scale && cost <= quote && s.Filters.IsOnStep(wanted)) return wanted;
        return s.Filters.RoundQuantity(quote / unitCost);
    }

    private static bool HoldsClientOrderId(SimulatedSymbol s, string clientOrderId)
    {
        foreach (var resting in s.Orders)
        {
            if (resting.Order.ClientOrderId == clientOrderId) return true;
        }
        return false;
    }

    private void Release(SimulatedSymbol s, int index)
    {
        var resting = s.Orders[index];
        ReservedQuote -= resting.ReservedQuote;
        s.Orders.RemoveAt(index);
        OpenOrderCount--;
        _spareEntries.Push(resting);
    }

    private RestingOrder Entry(Order order, long activeFromMs, decimal reservedQuote) =>
        _spareEntries.TryPop(out var spare) ? spare.Reuse(order, activeFromMs, reservedQuote) : new RestingOrder(order, activeFromMs, reservedQuote);

    private decimal QuoteNeeded(SimulatedSymbol s, Order order)
    {
        var rate = Math.Max(FillModel.MakerFeeRate, FillModel.TakerFeeRate);
        var price = order.Type == OrderType.Limit
            ? order.Price ?? 0m
            : FillModel.MarketPrice(OrderSide.Buy, s.LastPrice, s.Filters);
        return order.RemainingQuantity * price * (1m + rate);
    }

    private string? FindBalanceProblem(SimulatedSymbol s, Order order, decimal quoteNeeded)
    {
        if (order.Side == OrderSide.Buy)
            return quoteNeeded > AvailableQuote ? $"insufficient balance: needs {quoteNeeded} {s.QuoteAsset}, available {AvailableQuote}" : null;
        var free = s.BaseBalance - s.ReservedBase();
        return order.Quantity > free ? $"insufficient balance: sell of {order.Quantity} exceeds the free {free} {s.Symbol.BaseAsset}" : null;
    }

    private SimulatedSymbol Get(Symbol symbol) =>
        _symbols.TryGetValue(symbol, out var s) ? s : throw new ArgumentException($"Unknown symbol {symbol}: add it to the venue first.", nameof(symbol));
}
