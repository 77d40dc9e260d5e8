using Trading.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Trading.Services.Configuration;

/// <summary>Reads config/symbols.yaml and config/strategies.yaml; unknown keys, bad symbols and bad timeframes are problems.</summary>
public static class YamlListFiles
{
    // Built per call: configuration loads rarely, and this avoids relying on the deserializer being thread-safe.
    private static IDeserializer Deserializer => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private static readonly string[] SymbolKeys = ["symbol", "timeframes", "enabled", "min_trade_size"];
    private static readonly string[] StrategyKeys = ["name", "enabled", "symbols", "timeframe", "parameters"];

    public static IReadOnlyList<SymbolConfig> ReadSymbols(string path, string displayName, List<ConfigProblem> problems)
    {
        YamlKeyCheck.Check(path, displayName, "symbols", SymbolKeys, problems);
        var file = Deserialize<SymbolsFile>(path, displayName, problems);
        var result = new List<SymbolConfig>();
        foreach (var entry in file?.Symbols ?? [])
        {
            if (!Symbol.TryParse(entry.Symbol, out var symbol))
            {
                problems.Add(new ConfigProblem(displayName, $"{displayName}: '{entry.Symbol}' is not a valid symbol"));
                continue;
            }
            var timeframes = entry.Timeframes ?? ["1m"];
            if (entry.MinTradeSize is < 0)
            {
                problems.Add(new ConfigProblem(displayName, $"{displayName}: {symbol.Name}: min_trade_size must not be negative (got {entry.MinTradeSize})"));
                continue;
            }
            if (CheckTimeframes(timeframes, displayName, problems))
                result.Add(new SymbolConfig(symbol.Name, timeframes, entry.Enabled ?? true, entry.MinTradeSize ?? 0m));
        }
        return result;
    }

    public static IReadOnlyList<StrategyConfig> ReadStrategies(string path, string displayName, List<ConfigProblem> problems)
    {
        YamlKeyCheck.Check(path, displayName, "strategies", StrategyKeys, problems);
        var file = Deserialize<StrategiesFile>(path, displayName, problems);
        var result = new List<StrategyConfig>();
        foreach (var entry in file?.Strategies ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add(new ConfigProblem(displayName, $"{displayName}: every strategy needs a name"));
                continue;
            }
            var symbols = entry.Symbols ?? [];
            var badSymbol = symbols.FirstOrDefault(s => !Symbol.TryParse(s, out _));
            if (badSymbol is not null)
            {
                problems.Add(new ConfigProblem(displayName, $"{displayName}: strategy '{entry.Name}': '{badSymbol}' is not a valid symbol"));
                continue;
            }
            var timeframe = entry.Timeframe ?? "1m";
            if (!CheckTimeframes([timeframe], displayName, problems)) continue;
            result.Add(new StrategyConfig
            {
                Name = entry.Name,
                Enabled = entry.Enabled ?? true,
                Symbols = symbols.Select(s => Symbol.Parse(s).Name).ToList(),
                Timeframe = timeframe,
                Parameters = entry.Parameters ?? [],
                Source = displayName,
            });
        }
        return result;
    }

    private static bool CheckTimeframes(IEnumerable<string> timeframes, string displayName, List<ConfigProblem> problems)
    {
        var unknown = timeframes.FirstOrDefault(t => !Timeframe.TryParse(t, out _));
        if (unknown is null) return true;
        problems.Add(new ConfigProblem(displayName, $"{displayName}: '{unknown}' is not a known timeframe"));
        return false;
    }

    private static T? Deserialize<T>(string path, string displayName, List<ConfigProblem> problems) where T : class
    {
        try
        {
            return Deserializer.Deserialize<T?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.Start.Line}: {YamlSettingsFile.Reason(e)}"));
            return null;
        }
    }

    private sealed class SymbolsFile
    {
        public List<SymbolEntry>? Symbols { get; set; }
    }

    private sealed class SymbolEntry
    {
        public string? Symbol { get; set; }
        public List<string>? Timeframes { get; set; }
        public bool? Enabled { get; set; }
        public decimal? MinTradeSize { get; set; }
    }

    private sealed class StrategiesFile
    {
        public List<StrategyEntry>? Strategies { get; set; }
    }

    private sealed class StrategyEntry
    {
        public string? Name { get; set; }
        public bool? Enabled { get; set; }
        public List<string>? Symbols { get; set; }
        public string? Timeframe { get; set; }
        public Dictionary<string, string>? Parameters { get; set; }
    }
}
