using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>The read-only market and account state the risk gate decides on. Implementations must not block or allocate.</summary>
public interface IRiskContext
{
    DateTimeOffset Now { get; }

    decimal Equity { get; }

    /// <summary>Equity at the start of the current UTC day.</summary>
    decimal DayStartEquity { get; }

    decimal PeakEquity { get; }

    int OpenPositionCount { get; }

    /// <summary>Base quantity held, 0 when flat.</summary>
    decimal PositionQuantity(Symbol symbol);

    bool HasOpenOrder(Symbol symbol, OrderSide side);

    /// <summary>Base quantity the symbol's open buy orders still wait to receive.</summary>
    decimal PendingBuyQuantity(Symbol symbol) => 0m;

    /// <summary>Quote asset free to spend (not reserved by open orders).</summary>
    decimal AvailableQuote { get; }

    /// <summary>Base asset free to sell (not reserved by open orders).</summary>
    decimal AvailableBase(Symbol symbol);

    bool TryGetLatestPrice(Symbol symbol, out decimal price);

    bool IsMarketConnectionHealthy { get; }

    /// <summary>The symbol's exchange filters, or null when unknown.</summary>
    SymbolFilters? GetFilters(Symbol symbol);
}
