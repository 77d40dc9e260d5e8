using Trading.Core.Strategies;
using Trading.Services.Configuration;

namespace Trading.Services.Strategies;

/// <summary>
/// Checks the strategies of config/strategies.yaml and config/bots/*.json against the registry (built-ins and plugins):
/// the name exists, every parameter is declared, and each value has the declared type and range. One problem per finding.
/// </summary>
public static class StrategyConfigCheck
{
    public static IReadOnlyList<ConfigProblem> Check(TradingSettings settings, StrategyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<ConfigProblem>();
        foreach (var problem in registry.Problems) problems.Add(new ConfigProblem(SettingKeys.StrategiesDir, problem));
        foreach (var strategy in settings.Strategies)
            CheckOne(registry, strategy.Source, $"strategy '{strategy.Name}'", strategy.Name, strategy.Parameters, problems);
        foreach (var bot in settings.Bots)
        {
            var source = settings.BotSources.GetValueOrDefault(bot.Id, $"bot '{bot.Id}'");
            CheckOne(registry, source, $"bot '{bot.Id}'", bot.Strategy, bot.Parameters, problems);
        }
        return problems;
    }

    private static void CheckOne(StrategyRegistry registry, string source, string owner, string name,
        IReadOnlyDictionary<string, string> values, List<ConfigProblem> problems)
    {
        void Add(string message) => problems.Add(new ConfigProblem(source, $"{source}: {owner}: {message}"));

        var registration = registry.Find(name);
        if (registration is null)
        {
            Add($"unknown strategy '{name}'; known: {string.Join(", ", registry.Registrations.Select(r => r.Name))}");
            return;
        }
        var strategy = registration.Factory();
        var before = problems.Count;
        foreach (var (key, raw) in values)
        {
            var parameter = strategy.Parameters.FirstOrDefault(p => string.Equals(p.Name, key.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                Add($"unknown parameter '{key}'; known: {string.Join(", ", strategy.Parameters.Select(p => p.Name))}");
                continue;
            }
            try
            {
                parameter.Normalize(strategy.Name, raw);
            }
            catch (StrategyConfigurationException e)
            {
                Add(Reason(e));
            }
        }
        if (problems.Count > before) return;
        // Each value is fine alone; the strategy still checks how they combine (e.g. fast below slow).
        try
        {
            strategy.Configure(values);
        }
        catch (StrategyConfigurationException e)
        {
            Add(Reason(e));
        }
    }

    /// <summary>The exception's reason without its "Strategy 'x': " prefix, which the problem line already names.</summary>
    private static string Reason(StrategyConfigurationException e)
    {
        var message = e.Message.TrimEnd('.');
        var cut = message.StartsWith("Strategy '", StringComparison.Ordinal) ? message.IndexOf("': ", StringComparison.Ordinal) : -1;
        return cut < 0 ? message : message[(cut + 3)..];
    }
}
