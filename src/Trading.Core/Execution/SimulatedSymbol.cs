using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>The simulated venue's per-symbol book: filters, base balance, last price and resting orders.</summary>
internal sealed class SimulatedSymbol(Symbol symbol, SymbolFilters filters)
{
    public Symbol Symbol { get; } = symbol;
    public SymbolFilters Filters { get; } = filters;
    public string QuoteAsset { get; } = symbol.QuoteAsset;
    public decimal BaseBalance { get; set; }
    public decimal LastPrice { get; set; }
    public List<RestingOrder> Orders { get; } = [];

    public decimal ReservedBase()
    {
        var reserved = 0m;
        foreach (var resting in Orders)
        {
            if (resting.Order.Side == OrderSide.Sell) reserved += resting.Order.RemainingQuantity;
        }
        return reserved;
    }
}

/// <summary>An order on the simulated book; it may fill only on candles opening at or after <see cref="ActiveFromMs"/>.</summary>
internal sealed class RestingOrder(Order order, long activeFromMs, decimal reservedQuote)
{
    public Order Order { get; set; } = order;
    public long ActiveFromMs { get; private set; } = activeFromMs;
    public decimal ReservedQuote { get; set; } = reservedQuote;

    /// <summary>True until the order has seen its first candle: crossing then means it was marketable on arrival (taker).</summary>
    public bool IsFresh { get; set; } = true;

    /// <summary>Makes a released entry hold another order (the venue reuses them: one per order adds up in a backtest).</summary>
    public RestingOrder Reuse(Order order, long activeFromMs, decimal reservedQuote)
    {
        Order = order;
        ActiveFromMs = activeFromMs;
        ReservedQuote = reservedQuote;
        IsFresh = true;
        return this;
    }
}
