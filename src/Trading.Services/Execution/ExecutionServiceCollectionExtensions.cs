using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trading.Core.MarketData;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

public static class ExecutionServiceCollectionExtensions
{
    /// <summary>The order executor as a hosted service; needs ITradingStore (and, for testnet/live, an IExecutionVenue).</summary>
    public static IServiceCollection AddOrderExecutor(this IServiceCollection services)
    {
        services.AddSingleton(sp => new OrderExecutorService(
            sp.GetRequiredService<TradingSettings>(), sp.GetRequiredService<ExecutionOptions>(), sp.GetRequiredService<ITradingStore>(),
            sp.GetRequiredService<Core.Messaging.IMessageBus>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OrderExecutorService>>(),
            sp.GetService<IMarketConnectionHealth>(), sp.GetService<IExecutionVenue>(), sp.GetService<InlineExecution>()));
        services.AddHostedService(sp => sp.GetRequiredService<OrderExecutorService>());
        return services;
    }

    /// <summary>For a host that runs both the strategy engine and the executor: the engine drives the executor in candle order.</summary>
    public static IServiceCollection AddInlineExecution(this IServiceCollection services)
    {
        services.TryAddSingleton<InlineExecution>();
        return services;
    }

    /// <summary>The portfolio manager as a hosted service; needs ITradingStore.</summary>
    public static IServiceCollection AddPortfolioManager(this IServiceCollection services)
    {
        services.TryAddSingleton<PortfolioManagerService>();
        services.AddHostedService(sp => sp.GetRequiredService<PortfolioManagerService>());
        return services;
    }

    /// <summary>The execution options for the configured mode, with each configured bot's sizing rule.</summary>
    public static ExecutionOptions OptionsFrom(TradingSettings settings, ExecutionMode mode) => new()
    {
        Mode = mode,
        BotSizing = settings.Bots.Where(b => b.SizingValue > 0).ToDictionary(b => b.Id, BotSizing.From),
    };
}
