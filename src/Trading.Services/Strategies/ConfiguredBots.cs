using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Configuration;

namespace Trading.Services.Strategies;

/// <summary>
/// What <c>trading service run</c> trades: every enabled instance of config/strategies.yaml (as a bot named
/// <c>NAME-SYMBOLS-TIMEFRAME</c>, sized by SIZING) and every enabled bot of config/bots/*.json. Symbols disabled in
/// config/symbols.yaml are left out; a strategy without symbols runs on every enabled configured symbol.
/// </summary>
public static class ConfiguredBots
{
    public static IReadOnlyList<BotDefinition> From(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var disabled = settings.Symbols.Where(s => !s.Enabled).Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        var everySymbol = settings.EnabledSymbols.Select(s => s.Symbol).ToList();
        var bots = new List<BotDefinition>();
        foreach (var strategy in settings.Strategies.Where(s => s.Enabled))
        {
            var symbols = (strategy.Symbols.Count > 0 ? strategy.Symbols : everySymbol).Where(s => !disabled.Contains(s)).ToList();
            var id = $"{strategy.Name}-{string.Join("-", symbols)}-{strategy.Timeframe}".ToLowerInvariant();
            var taken = bots.Count(b => b.Id == id || b.Id.StartsWith(id + "#", StringComparison.Ordinal));
            bots.Add(new BotDefinition
            {
                Id = taken == 0 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}#{taken + 1}"),
                Strategy = strategy.Name,
                Symbols = symbols,
                Timeframe = strategy.Timeframe,
                Parameters = strategy.Parameters,
            });
        }
        foreach (var bot in settings.Bots.Where(b => b.Enabled))
            bots.Add(bot with { Symbols = bot.Symbols.Where(s => !disabled.Contains(s)).ToList() });
        return bots.Where(b => b.Symbols.Count > 0).ToList();
    }

    /// <summary>
    /// The settings with every series the bots read (their own and their strategies' extra inputs) added to the
    /// configured symbols, so the collector collects them and the executor knows their filters.
    /// </summary>
    public static TradingSettings WithTheirSeries(TradingSettings settings, IEnumerable<BotDefinition> bots, StrategyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bots);
        ArgumentNullException.ThrowIfNull(registry);
        var symbols = settings.Symbols.ToList();
        foreach (var bot in bots)
        {
            var extra = registry.Find(bot.Strategy)?.Factory().ExtraInputs ?? [];
            var timeframe = Timeframe.Parse(bot.Timeframe);
            foreach (var primary in bot.Symbols.Select(Symbol.Parse))
            {
                Add(symbols, primary, timeframe);
                foreach (var input in extra) Add(symbols, input.Resolve(primary), input.Timeframe);
            }
        }
        return settings with { Symbols = symbols };
    }

    private static void Add(List<SymbolConfig> symbols, Symbol symbol, Timeframe timeframe)
    {
        var text = timeframe.ToString();
        var index = symbols.FindIndex(s => s.Symbol == symbol.Name);
        if (index < 0) symbols.Add(new SymbolConfig(symbol.Name, [text]));
        else if (!symbols[index].Timeframes.Contains(text)) symbols[index] = symbols[index] with { Timeframes = [.. symbols[index].Timeframes, text] };
    }
}
