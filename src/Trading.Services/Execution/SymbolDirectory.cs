using Trading.Binance;
using Trading.Binance.Filters;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.MarketData;

namespace Trading.Services.Execution;

/// <summary>
/// The symbols the executor trades (BTCUSDT, ETHUSDT and the configured ones) and their exchange filters. Testnet and
/// live fetch exchangeInfo from BINANCE_BASE_URL at start and store it; a symbol the exchange does not list has no
/// filters, so its orders are denied. Dry-run and paper use the stored filters, else the shipped snapshot, else generic rules.
/// </summary>
public static class SymbolDirectory
{
    private static readonly HttpClient Http = new();

    /// <summary>The traded symbols with generic rules for those the simulator does not know; their keys are the traded symbols.</summary>
    public static IReadOnlyDictionary<Symbol, SymbolFilters> Offline(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.Symbols.Select(s => Symbol.Parse(s.Symbol));
        return SimulatorSymbols.ListFor(configured).ToDictionary(s => s.Symbol, s => s.Filters);
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
            return traded.Keys.Where(fetched.ContainsKey).ToDictionary(s => s, s => fetched[s]);
        }
        var stored = (await store.SymbolFilters.ListAsync(ct)).ToDictionary(s => s.Symbol, s => s.Filters);
        return traded.ToDictionary(t => t.Key, t => stored.GetValueOrDefault(t.Key) ?? SpotFilterSnapshot.Find(t.Key)?.Filters ?? t.Value);
    }
}
