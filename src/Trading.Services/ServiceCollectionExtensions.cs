using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Services;

/// <summary>The one wiring entry point every host (CLI, API, services) calls.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddTradingPlatform(this IServiceCollection services, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddTradingLogging(settings);
        services.AddMessageBus(settings);
        // Execution settings every host shares; the executor and portfolio manager themselves are hosted services
        // added by the hosts that run them (AddOrderExecutor, AddPortfolioManager), so an API host never trades by accident.
        services.TryAddSingleton(sp => ExecutionServiceCollectionExtensions.OptionsFrom(settings,
            ExecutionModes.TryResolve(settings, confirmLive: false, out var mode, out _) ? mode : ExecutionMode.DryRun));
        return services;
    }

    private static void AddTradingLogging(this IServiceCollection services, TradingSettings settings) =>
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(Enum.Parse<LogLevel>(settings.LogLevel, ignoreCase: true));
            // Logs go to stderr so command output on stdout stays clean.
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; o.UseUtcTimestamp = true; });
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });

    // Redis Streams when REDIS_URL is set, else in-process; a Redis bus connects when first resolved (see MessageBusFactory).
    private static void AddMessageBus(this IServiceCollection services, TradingSettings settings) =>
        services.TryAddSingleton(sp => MessageBusFactory.Create(settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
}
