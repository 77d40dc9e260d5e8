using Trading.Core.Model;

namespace Trading.Binance.Filters;

/// <summary>
/// The Binance spot filters of the most traded USDT pairs, shipped with the product (spot-filters.json, in exchangeInfo's
/// shape), so an offline backtest of ETHUSDT trades in ETHUSDT's steps. Fetched filters in the store come first.
/// </summary>
public static class SpotFilterSnapshot
{
    private const string ResourceName = "Trading.Binance.Filters.spot-filters.json";

    private static readonly Lazy<IReadOnlyDictionary<Symbol, SymbolInfo>> Loaded = new(Load);

    public static IReadOnlyDictionary<Symbol, SymbolInfo> Symbols => Loaded.Value;

    public static SymbolInfo? Find(Symbol symbol) => Symbols.TryGetValue(symbol, out var info) ? info : null;

    private static IReadOnlyDictionary<Symbol, SymbolInfo> Load()
    {
        using var stream = typeof(SpotFilterSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ExchangeInfoReader.Read(buffer.ToArray()).Symbols;
    }
}
