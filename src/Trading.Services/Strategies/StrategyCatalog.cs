using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Configuration;
using Trading.Services.Plugins;

namespace Trading.Services.Strategies;

/// <summary>
/// Builds the registry every host uses: the built-ins first, then the plugin files of the strategies folder.
/// Compiled plugins are cached under {DataDir}/plugin-cache when the data directory exists.
/// </summary>
public static class StrategyCatalog
{
    public static StrategyRegistry Load(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cacheDir = Directory.Exists(settings.DataDir) ? Path.Combine(settings.DataDir, "plugin-cache") : null;
        return Load(settings.StrategiesDir, cacheDir);
    }

    /// <summary>The registry for listing and describing: plugins are compiled and read, never run (see <see cref="StrategyPluginLoader"/>).</summary>
    public static StrategyRegistry Describe(TradingSettings settings, out IReadOnlyDictionary<string, PluginDeclaration> plugins)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cacheDir = Directory.Exists(settings.DataDir) ? Path.Combine(settings.DataDir, "plugin-cache") : null;
        var registry = BuiltInStrategies.CreateRegistry();
        var loader = new StrategyPluginLoader(cacheDir, runPluginCode: false);
        loader.LoadInto(registry, settings.StrategiesDir);
        plugins = loader.Declarations;
        return registry;
    }

    public static StrategyRegistry Load(string strategiesDir, string? cacheDir = null)
    {
        var registry = BuiltInStrategies.CreateRegistry();
        new StrategyPluginLoader(cacheDir).LoadInto(registry, strategiesDir);
        return registry;
    }
}
