using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Hosting;
using Trading.Services.MarketData;
using Trading.Services.Observability;
using Trading.Services.Observability.Alerts;
using Trading.Services.Strategies;
using Symbol = Trading.Core.Model.Symbol;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// Builds the host that `trading service run|start` and `trading trade start` run: the chosen platform services on one
/// store and the configured bus (in-process, or Redis Streams with REDIS_URL), consumers first, then the collector once they listen.
/// </summary>
internal static class PlatformHost
{
    public const string Collector = "data-collector";
    public const string Engine = "strategy-engine";
    public const string Executor = "order-executor";
    public const string Portfolio = "portfolio-manager";

    public static readonly string[] All = [Collector, Engine, Executor, Portfolio];

    /// <param name="first">Registers services that must start before the platform's and stop after them.</param>
    public static IHost Build(ITradingStore store, TradingSettings settings, ExecutionMode mode, IExecutionVenue? venue,
        IReadOnlyCollection<string> services, Action<IServiceCollection>? first = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(store.Candles);
        builder.Services.AddSingleton(ExecutionServiceCollectionExtensions.OptionsFrom(settings, mode));
        if (venue is not null) builder.Services.AddSingleton(venue);
        builder.Services.AddTradingPlatform(settings);
        builder.Services.AddBinanceMarketData(settings);
        // Observers start before the services they watch and stop after them: a consumer group that stopped reading would hold up publishers.
        builder.Services.AddPlatformMetrics(settings);
        builder.Services.AddPlatformAlerts(settings);
        first?.Invoke(builder.Services);
        if (services.Contains(Engine) && services.Contains(Executor)) builder.Services.AddInlineExecution();
        if (services.Contains(Engine)) builder.Services.AddStrategyEngine(settings);
        if (services.Contains(Executor)) builder.Services.AddOrderExecutor();
        if (services.Contains(Portfolio)) builder.Services.AddPortfolioManager();
        builder.Services.AddHostedService<ConsumersReadyGate>();
        if (services.Contains(Collector))
        {
            var series = Series(settings);
            if (series.Length == 0) Console.Error.WriteLine("warning: no symbols configured (config/symbols.yaml): the collector is not started");
            else builder.Services.AddCandleCollector(settings, new CollectorOptions { Series = series, WebSocketUrl = new Uri(settings.BinanceWsUrl) });
        }
        var host = builder.Build();
        // Connect the bus before the host starts, so a Redis that stays away ends in one error line, not a host failure report.
        host.Services.GetRequiredService<IMessageBus>();
        return host;
    }

    private static (Symbol, Timeframe)[] Series(TradingSettings settings) =>
        settings.EnabledSymbols.SelectMany(s => s.Timeframes.Select(t => (Symbol.Parse(s.Symbol), Timeframe.Parse(t)))).ToArray();
}
