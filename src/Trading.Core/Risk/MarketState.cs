using Trading.Core.Model;
using Trading.Core.Portfolio;

namespace Trading.Core.Risk;

/// <summary>
/// The risk gate's context built from a <see cref="PortfolioAccount"/>, the open orders (fed through
/// <see cref="Track"/>), the symbols' filters, the connection health and a clock. Available balances are the
/// account's minus what open orders reserve: buys reserve quantity × (limit or latest price) × (1 + fee).
/// </summary>
public sealed class MarketState(PortfolioAccount account, TimeProvider clock, decimal feeBps = 10m) : IRiskContext
{
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(Symbol, OrderSide), int> _openBySide = [];
    private readonly Dictionary<Symbol, decimal> _reservedBase = [];
    private readonly Dictionary<Symbol, SymbolFilters> _filters = [];
    private readonly decimal _feeFactor = 1m + feeBps / 10_000m;
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

    public void SetFilters(Symbol symbol, SymbolFilters filters) => _filters[symbol] = filters ?? throw new ArgumentNullException(nameof(filters));

    public SymbolFilters? GetFilters(Symbol symbol) => _filters.GetValueOrDefault(symbol);

    public decimal PositionQuantity(Symbol symbol) => Account.Quantity(symbol);

    public decimal AvailableBase(Symbol symbol) => Account.Quantity(symbol) - _reservedBase.GetValueOrDefault(symbol);

    public bool HasOpenOrder(Symbol symbol, OrderSide side) => _openBySide.GetValueOrDefault((symbol, side)) > 0;

    public bool TryGetLatestPrice(Symbol symbol, out decimal price) => Account.TryGetLatestPrice(symbol, out price);

    /// <summary>Records an order's latest snapshot: open orders reserve balance, closed ones release it.</summary>
    public void Track(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_orders.Remove(order.Id, out var previous)) Release(previous);
        if (!order.IsOpen) return;

        var remaining = order.RemainingQuantity;
        TrackedOrder tracked;
        if (order.Side == OrderSide.Buy)
        {
            var price = order.Price ?? (Account.TryGetLatestPrice(order.Symbol, out var latest) ? latest : 0m);
            tracked = new TrackedOrder(order.Symbol, order.Side, remaining * price * _feeFactor, 0m);
        }
        else
        {
            tracked = new TrackedOrder(order.Symbol, order.Side, 0m, remaining);
        }
        _orders[order.Id] = tracked;
        _reservedQuote += tracked.Quote;
        _reservedBase[order.Symbol] = _reservedBase.GetValueOrDefault(order.Symbol) + tracked.Base;
        _openBySide[(order.Symbol, order.Side)] = _openBySide.GetValueOrDefault((order.Symbol, order.Side)) + 1;
    }

    private void Release(TrackedOrder tracked)
    {
        _reservedQuote -= tracked.Quote;
        _reservedBase[tracked.Symbol] -= tracked.Base;
        _openBySide[(tracked.Symbol, tracked.Side)]--;
    }

    private readonly record struct TrackedOrder(Symbol Symbol, OrderSide Side, decimal Quote, decimal Base);
}
