using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Configuration;
using Trading.Services.Plugins;

namespace Trading.Services.Strategies;

/// <summary>Builds the registry every host uses: the built-ins first, then the plugin files of the strategies folder.</summary>
public static class StrategyCatalog
{
    public static StrategyRegistry Load(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.StrategiesDir, Path.Combine(settings.DataDir, "plugin-cache"));
    }

    public static StrategyRegistry Load(string strategiesDir, string? cacheDir = null)
    {
        var registry = BuiltInStrategies.CreateRegistry();
        new StrategyPluginLoader(cacheDir).LoadInto(registry, strategiesDir);
        return registry;
    }
}
