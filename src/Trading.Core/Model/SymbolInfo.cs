namespace Trading.Core.Model;

/// <summary>What the exchange says about a symbol: its assets, trading status and filters.</summary>
public sealed record SymbolInfo(Symbol Symbol, string BaseAsset, string QuoteAsset, string Status, SymbolFilters Filters)
{
    public bool IsTrading => Status == "TRADING";

    /// <summary>The market the symbol trades on; spot unless stated.</summary>
    public MarketType Market { get; init; } = MarketType.Spot;
}
