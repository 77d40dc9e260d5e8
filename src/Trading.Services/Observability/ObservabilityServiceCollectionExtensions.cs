using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Services.Configuration;

namespace Trading.Services.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// The metrics observer, and with METRICS_PORT above 0 the loopback /metrics endpoint. Needs ITradingStore and IMessageBus.
    /// </summary>
    public static IServiceCollection AddPlatformMetrics(this IServiceCollection services, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(new ObservabilityOptions());
        services.AddHostedService<MetricsObserverService>();
        if (settings.MetricsPort > 0)
            services.AddHostedService(sp => new MetricsServer(settings.MetricsPort, sp.GetService<ILogger<MetricsServer>>()));
        return services;
    }
}
