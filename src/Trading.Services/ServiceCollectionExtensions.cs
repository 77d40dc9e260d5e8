using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Services.Configuration;
using Serilog;
using Trading.Services.Execution;
using Trading.Services.Observability;
using Trading.Services.Observability.Logging;

namespace Trading.Services;

/// <summary>The one wiring entry point every host (CLI, API, services) calls.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddTradingPlatform(this IServiceCollection services, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        PrometheusExport.Enable();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTradingLogging(settings);
        services.AddMessageBus(settings);
        // Execution settings every host shares; the executor and portfolio manager themselves are hosted services
        // added by the hosts that run them (AddOrderExecutor, AddPortfolioManager), so an API host never trades by accident.
        services.TryAddSingleton(sp => ExecutionServiceCollectionExtensions.OptionsFrom(settings,
            ExecutionModes.TryResolve(settings, confirmLive: false, out var mode, out _) ? mode : ExecutionMode.DryRun));
        return services;
    }

    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging, replacing every other provider: LOG_FORMAT lines on <paramref name="output"/>
    /// (stderr by default, so command output on stdout stays clean), secrets masked, without the host's start-up chatter.
    /// </summary>
    public static IServiceCollection AddTradingLogging(this IServiceCollection services, TradingSettings settings,
        TextWriter? output = null, bool? isTerminal = null) =>
        services.AddLogging(logging =>
        {
            ArgumentNullException.ThrowIfNull(settings);
            logging.ClearProviders();
            logging.SetMinimumLevel(Enum.Parse<LogLevel>(settings.LogLevel, ignoreCase: true));
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            logging.AddSerilog(PlatformLogging.Create(settings, output ?? Console.Error, isTerminal ?? !Console.IsErrorRedirected), dispose: true);
        });

    // Redis Streams when REDIS_URL is set, else in-process; a Redis bus connects when first resolved (see MessageBusFactory).
    // The metered wrapper reports each stream's backlog (bus_pending_messages).
    private static void AddMessageBus(this IServiceCollection services, TradingSettings settings) =>
        services.TryAddSingleton<IMessageBus>(sp => new MeteredMessageBus(
            MessageBusFactory.Create(settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())));
}
