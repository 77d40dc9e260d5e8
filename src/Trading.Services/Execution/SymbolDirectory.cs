using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>
/// The exchange filters the executor trades with. Without an exchange (dry-run, paper) they are Binance's real
/// BTCUSDT and ETHUSDT rules plus generic rules for other configured symbols; any other symbol is unknown.
/// </summary>
public static class SymbolDirectory
{
    public static IReadOnlyDictionary<Symbol, SymbolFilters> Offline(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.Symbols.Select(s => Symbol.Parse(s.Symbol));
        return SimulatorSymbols.ListFor(configured).ToDictionary(s => s.Symbol, s => s.Filters);
    }
}
