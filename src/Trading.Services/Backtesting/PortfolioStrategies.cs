using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>
/// The strategies of a portfolio backtest (<c>--strategy a,b,c</c>): each built with its own parameters, given as
/// <c>--param a.name=value</c>. A parameter that names no strategy of the list is refused.
/// </summary>
public static class PortfolioStrategies
{
    public static IReadOnlyList<string> Names(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries);

    public static bool IsPortfolio(string text) => text.Contains(',', StringComparison.Ordinal);

    public static IReadOnlyList<StrategyBase> Create(StrategyRegistry registry, string text, IReadOnlyDictionary<string, string> parameters)
    {
        var names = Names(text);
        if (names.Any(string.IsNullOrEmpty)) throw new BacktestInputException($"--strategy '{text}' has an empty name: list strategies as a,b,c.");
        foreach (var key in parameters.Keys)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !names.Contains(key[..dot], StringComparer.OrdinalIgnoreCase))
                throw new BacktestInputException($"--param '{key}' must name its strategy with several strategies, e.g. {names[0]}.{key}=...");
        }
        return names.Select(name => BacktestService.CreateStrategy(registry, name, Of(name, parameters))).ToList();
    }

    /// <summary>The strategies' values, each prefixed with its strategy's name, as the report lists them.</summary>
    public static IReadOnlyDictionary<string, string> Values(IReadOnlyList<StrategyBase> strategies)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var strategy in strategies)
            foreach (var (key, value) in strategy.Values) values.TryAdd($"{strategy.Name}.{key}", value);
        return values;
    }

    private static Dictionary<string, string> Of(string name, IReadOnlyDictionary<string, string> parameters) => parameters
        .Where(p => p.Key.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase))
        .ToDictionary(p => p.Key[(name.Length + 1)..], p => p.Value, StringComparer.OrdinalIgnoreCase);
}
