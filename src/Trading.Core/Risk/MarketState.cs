using Trading.Core.Model;
using Trading.Core.Portfolio;

namespace Trading.Core.Risk;

/// <summary>
/// The risk gate's context built from a <see cref="PortfolioAccount"/>, the open orders (fed through
/// <see cref="Track"/>), the symbols' filters, the connection health and a clock. Available balances are the
/// account's minus what open orders reserve: buys reserve quantity × (limit or latest price) × (1 + fee).
/// Per-symbol figures come from one entry per symbol, and the last one used is remembered, because the gate
/// asks several questions about the same symbol in a row.
/// </summary>
public sealed class MarketState(PortfolioAccount account, TimeProvider clock, decimal feeBps = 10m) : IRiskContext
{
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, SymbolEntry> _entries = [];
    private readonly decimal _feeFactor = 1m + feeBps / 10_000m;
    private SymbolEntry? _last;
    private decimal _reservedQuote;

    public PortfolioAccount Account { get; } = account ?? throw new ArgumentNullException(nameof(account));

    public bool IsMarketConnectionHealthy { get; set; } = true;

    public DateTimeOffset Now => clock.GetUtcNow();
    public decimal Equity => Account.Equity;
    public decimal DayStartEquity => Account.DayStartEquity;
    public decimal PeakEquity => Account.PeakEquity;
    public int OpenPositionCount => Account.OpenPositionCount;
    public decimal AvailableQuote => Account.Cash - _reservedQuote;
    public int OpenOrderCount => _orders.Count;

    /// <summary>The ids of the orders <see cref="Track"/> holds open.</summary>
    public IReadOnlyCollection<string> TrackedOrderIds => _orders.Keys;

    public void SetFilters(Symbol symbol, SymbolFilters filters) =>
        Entry(symbol).Filters = filters ?? throw new ArgumentNullException(nameof(filters));

    public SymbolFilters? GetFilters(Symbol symbol) => Entry(symbol).Filters;

    public decimal PositionQuantity(Symbol symbol) => Entry(symbol).Book.Quantity;

    public decimal AvailableBase(Symbol symbol)
    {
        var entry = Entry(symbol);
        // An OCO's two sells reserve the same coins once at the exchange: never more than is held is reserved.
        return entry.Book.Quantity - Math.Min(entry.ReservedBase, Math.Max(entry.Book.Quantity, 0m));
    }

    public bool HasOpenOrder(Symbol symbol, OrderSide side)
    {
        var entry = Entry(symbol);
        return (side == OrderSide.Buy ? entry.OpenBuys : entry.OpenSells) > 0;
    }

    public decimal PendingBuyQuantity(Symbol symbol) => Entry(symbol).PendingBuyQuantity;

    public bool TryGetLatestPrice(Symbol symbol, out decimal price)
    {
        price = Entry(symbol).Book.LastPrice;
        return price > 0;
    }

    /// <summary>Records an order's latest snapshot: open orders reserve balance, closed ones release it.</summary>
    public void Track(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Untrack(order.Id);
        if (!order.IsOpen) return;

        var entry = Entry(order.Symbol);
        var remaining = order.RemainingQuantity;
        var tracked = order.Side == OrderSide.Buy
            ? new TrackedOrder(entry, order.Side, remaining * (order.Price ?? entry.Book.LastPrice) * _feeFactor, remaining)
            : new TrackedOrder(entry, order.Side, 0m, remaining);
        _orders[order.Id] = tracked;
        Apply(tracked, +1);
    }

    /// <summary>Forgets an order that left the book (what <see cref="Track"/> does with its final snapshot).</summary>
    public void Untrack(string orderId)
    {
        if (_orders.Remove(orderId, out var previous)) Apply(previous, -1);
    }

    /// <summary>Adds (sign +1) or removes (−1) an order's reservation; a buy reserves quote (and waits for its base), a sell reserves base.</summary>
    private void Apply(TrackedOrder tracked, int sign)
    {
        if (tracked.Side == OrderSide.Buy)
        {
            _reservedQuote = sign > 0 ? _reservedQuote + tracked.Quote : _reservedQuote - tracked.Quote;
            tracked.Entry.PendingBuyQuantity = sign > 0 ? tracked.Entry.PendingBuyQuantity + tracked.Base : tracked.Entry.PendingBuyQuantity - tracked.Base;
            tracked.Entry.OpenBuys += sign;
        }
        else
        {
            tracked.Entry.ReservedBase = sign > 0 ? tracked.Entry.ReservedBase + tracked.Base : tracked.Entry.ReservedBase - tracked.Base;
            tracked.Entry.OpenSells += sign;
        }
    }

    private SymbolEntry Entry(Symbol symbol)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Symbol.Name, symbol.Name)) return last;
        if (!_entries.TryGetValue(symbol, out var entry))
        {
            entry = new SymbolEntry(symbol, Account.BookFor(symbol));
            _entries.Add(symbol, entry);
        }
        _last = entry;
        return entry;
    }

    private sealed class SymbolEntry(Symbol symbol, PositionBook book)
    {
        public Symbol Symbol { get; } = symbol;
        public PositionBook Book { get; } = book;
        public SymbolFilters? Filters { get; set; }
        public decimal ReservedBase { get; set; }
        public decimal PendingBuyQuantity { get; set; }
        public int OpenBuys { get; set; }
        public int OpenSells { get; set; }
    }

    /// <summary><paramref name="Base"/> is what a sell reserves or what a buy still waits to receive.</summary>
    private readonly record struct TrackedOrder(SymbolEntry Entry, OrderSide Side, decimal Quote, decimal Base);
}
