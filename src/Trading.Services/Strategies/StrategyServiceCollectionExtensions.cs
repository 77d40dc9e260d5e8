using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Configuration;

namespace Trading.Services.Strategies;

public static class StrategyServiceCollectionExtensions
{
    /// <summary>The strategy registry: built-ins plus the plugin files of STRATEGIES_DIR, problems logged once at first use.</summary>
    public static IServiceCollection AddStrategies(this IServiceCollection services, TradingSettings settings)
    {
        services.TryAddSingleton(sp =>
        {
            var registry = StrategyCatalog.Load(settings);
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(StrategyCatalog).FullName!);
            foreach (var problem in registry.Problems) logger?.LogWarning("Strategy plugin problem: {Problem}", problem);
            return registry;
        });
        return services;
    }

    /// <summary>
    /// Runs exactly <paramref name="bots"/> (config/strategies.yaml and config/bots/*.json, see <see cref="ConfiguredBots"/>):
    /// they are saved as running before the engine starts and the engine is limited to them. Call before AddStrategyEngine.
    /// </summary>
    public static IServiceCollection AddConfiguredBots(this IServiceCollection services, IReadOnlyList<BotDefinition> bots)
    {
        ArgumentNullException.ThrowIfNull(bots);
        services.AddSingleton(new StrategyEngineScope(bots.Select(b => b.Id).ToHashSet(StringComparer.Ordinal)));
        services.AddHostedService(sp => new ConfiguredBotsRegistrar(bots, sp.GetRequiredService<ITradingStore>(),
            sp.GetRequiredService<ILogger<ConfiguredBotsRegistrar>>()));
        return services;
    }

    /// <summary>The strategy engine as a hosted service; needs ITradingStore and IMessageBus registered.</summary>
    public static IServiceCollection AddStrategyEngine(this IServiceCollection services, TradingSettings settings)
    {
        services.AddStrategies(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StrategyEngineService>();
        services.AddHostedService(sp => sp.GetRequiredService<StrategyEngineService>());
        return services;
    }
}
