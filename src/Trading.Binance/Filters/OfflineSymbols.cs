using Trading.Core.Model;

namespace Trading.Binance.Filters;

/// <summary>The symbols a venue lists without asking Binance (the simulator, dry-run, paper): Binance's real BTCUSDT and ETHUSDT rules, and generic rules for any other symbol.</summary>
public static class OfflineSymbols
{
    public static SymbolInfo BtcUsdt { get; } = new(new Symbol("BTCUSDT"), "BTC", "USDT", "TRADING", new SymbolFilters
    {
        MinPrice = 0.01m, MaxPrice = 1_000_000m, TickSize = 0.01m,
        MinQuantity = 0.00001m, MaxQuantity = 9000m, StepSize = 0.00001m,
        MinNotional = 5m, MaxNotional = 9_000_000m,
    });

    public static SymbolInfo EthUsdt { get; } = new(new Symbol("ETHUSDT"), "ETH", "USDT", "TRADING", new SymbolFilters
    {
        MinPrice = 0.01m, MaxPrice = 1_000_000m, TickSize = 0.01m,
        MinQuantity = 0.0001m, MaxQuantity = 9000m, StepSize = 0.0001m,
        MinNotional = 5m, MaxNotional = 9_000_000m,
    });

    public static SymbolInfo Generic(Symbol symbol) => new(symbol, symbol.BaseAsset, symbol.QuoteAsset, "TRADING", new SymbolFilters
    {
        MinPrice = 0.00000001m, MaxPrice = 1_000_000m, TickSize = 0.00000001m,
        MinQuantity = 0.00000001m, MaxQuantity = 9_000_000m, StepSize = 0.00000001m,
        MinNotional = 1m, MaxNotional = 9_000_000m,
    });

    public static IReadOnlyList<SymbolInfo> ListFor(IEnumerable<Symbol> dataSymbols)
    {
        var known = new List<SymbolInfo> { BtcUsdt, EthUsdt };
        known.AddRange(dataSymbols.Distinct().Where(s => known.All(k => k.Symbol != s)).Select(Generic));
        return known;
    }
}
