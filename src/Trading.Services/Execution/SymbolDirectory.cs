using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>
/// The exchange filters the executor trades with. Without an exchange (dry-run, paper) they are Binance's real
/// BTCUSDT and ETHUSDT rules plus generic rules for other configured symbols; any other symbol is unknown.
/// config/symbols.yaml then applies: a disabled symbol is dropped (so the risk gate denies it as unknown) and a
/// min_trade_size raises the symbol's minimum quantity (so the gate denies smaller orders).
/// </summary>
public static class SymbolDirectory
{
    public static IReadOnlyDictionary<Symbol, SymbolFilters> Offline(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.EnabledSymbols.Select(s => Symbol.Parse(s.Symbol));
        return ApplySymbolSettings(SimulatorSymbols.ListFor(configured).ToDictionary(s => s.Symbol, s => s.Filters), settings);
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
}
