using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>A symbol's exchange rules as fetched from the exchange's exchangeInfo, with the time they were fetched.</summary>
public sealed record StoredSymbolInfo(SymbolInfo Info, DateTimeOffset FetchedAt)
{
    public Symbol Symbol => Info.Symbol;
    public SymbolFilters Filters => Info.Filters;
}
