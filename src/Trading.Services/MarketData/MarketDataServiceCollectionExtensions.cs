using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Binance;
using Trading.Core.MarketData;
using Trading.Services.Configuration;

namespace Trading.Services.MarketData;

public static class MarketDataServiceCollectionExtensions
{
    /// <summary>The Binance REST client (BINANCE_BASE_URL) and the market-connection health flag.</summary>
    public static IServiceCollection AddBinanceMarketData(this IServiceCollection services, TradingSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BinanceMarketDataClient(
            Observability.ExchangeMetricsHandler.CreateClient(Timeout.InfiniteTimeSpan),
            new BinanceClientOptions { BaseUrl = new Uri(settings.BinanceBaseUrl) },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<BinanceMarketDataClient>()));
        services.TryAddSingleton<MarketConnectionHealth>();
        services.TryAddSingleton<IMarketConnectionHealth>(sp => sp.GetRequiredService<MarketConnectionHealth>());
        return services;
    }

    /// <summary>The live collector as a hosted service; needs ICandleStore and IMessageBus registered.</summary>
    public static IServiceCollection AddCandleCollector(this IServiceCollection services, TradingSettings settings, CollectorOptions options)
    {
        services.AddBinanceMarketData(settings);
        services.AddSingleton(options);
        services.AddSingleton<CandleCollector>();
        services.AddHostedService<MarketDataCollectorService>();
        return services;
    }
}
