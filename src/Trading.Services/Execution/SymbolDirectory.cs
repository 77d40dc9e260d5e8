using Trading.Binance;
using Trading.Binance.Filters;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.MarketData;

namespace Trading.Services.Execution;

/// <summary>
/// The symbols the executor trades (BTCUSDT, ETHUSDT and the configured ones) and their exchange filters. Testnet and
/// live fetch exchangeInfo from BINANCE_BASE_URL at start and store it; a symbol the exchange does not list has no
/// filters, so its orders are denied. Dry-run and paper use the stored filters, else the shipped snapshot, else generic rules.
/// config/symbols.yaml then applies: a disabled symbol is dropped (so the risk gate denies it as unknown) and a
/// min_trade_size raises the symbol's minimum quantity (so the gate denies smaller orders).
/// </summary>
public static class SymbolDirectory
{
    private static readonly HttpClient Http = new();

    /// <summary>The traded symbols with generic rules for those the simulator does not know; their keys are the traded symbols.</summary>
    public static IReadOnlyDictionary<Symbol, SymbolFilters> Offline(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.EnabledSymbols.Select(s => Symbol.Parse(s.Symbol));
        return ApplySymbolSettings(OfflineSymbols.ListFor(configured).ToDictionary(s => s.Symbol, s => s.Filters), settings);
    }

    /// <summary>Applies config/symbols.yaml's <c>enabled</c> and <c>min_trade_size</c> to filters from any source.</summary>
    public static IReadOnlyDictionary<Symbol, SymbolFilters> ApplySymbolSettings(IReadOnlyDictionary<Symbol, SymbolFilters> filters, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(settings);
        var result = new Dictionary<Symbol, SymbolFilters>();
        foreach (var (symbol, symbolFilters) in filters)
        {
            var config = settings.Symbols.FirstOrDefault(s => s.Symbol == symbol.Name);
            if (config is { Enabled: false }) continue;
            result[symbol] = config is { MinTradeSize: > 0 } && config.MinTradeSize > symbolFilters.MinQuantity
                ? symbolFilters with { MinQuantity = config.MinTradeSize }
                : symbolFilters;
        }
        return result;
    }

    /// <summary>The traded symbols' filters for the mode. Testnet/live throw the Binance client's error when exchangeInfo cannot be fetched.</summary>
    public static async Task<IReadOnlyDictionary<Symbol, SymbolFilters>> ForModeAsync(
        TradingSettings settings, ExecutionMode mode, ITradingStore store, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var traded = Offline(settings);
        if (mode is ExecutionMode.Testnet or ExecutionMode.Live)
        {
            var client = new BinanceMarketDataClient(Http, new BinanceClientOptions { BaseUrl = new Uri(settings.BinanceBaseUrl) });
            var fetched = (await ExchangeFilterRefresh.RefreshAsync(client, store.SymbolFilters, time, ct)).ToDictionary(s => s.Symbol, s => s.Filters);
            return ApplySymbolSettings(traded.Keys.Where(fetched.ContainsKey).ToDictionary(s => s, s => fetched[s]), settings);
        }
        var stored = (await store.SymbolFilters.ListAsync(ct)).ToDictionary(s => s.Symbol, s => s.Filters);
        return ApplySymbolSettings(traded.ToDictionary(t => t.Key, t => stored.GetValueOrDefault(t.Key) ?? SpotFilterSnapshot.Find(t.Key)?.Filters ?? t.Value), settings);
    }
}
