using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services;
using Trading.Services.Bots;
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
    public const string Supervisor = "bot-supervisor";

    /// <summary>The lifecycle name of a process hosting every service (<c>trading service run</c>).</summary>
    public const string Embedded = "platform";

    /// <summary>The services a bot process (<c>trade start</c>) hosts.</summary>
    public static readonly string[] All = [Collector, Engine, Executor, Portfolio];

    /// <summary>Every service <c>trading service run --name</c> knows; <c>service run</c> without a name hosts them all.</summary>
    public static readonly string[] Names = [.. All, Supervisor];

    /// <param name="first">Registers services that must start before the platform's and stop after them.</param>
    /// <param name="lifecycle">The name the process records its lifecycle and heartbeat under (<see cref="ServiceLifecycle"/>); null records none.</param>
    public static IHost Build(ITradingStore store, TradingSettings settings, ExecutionMode mode, IExecutionVenue? venue,
        IReadOnlyCollection<string> services, Action<IServiceCollection>? first = null, string? lifecycle = null)
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder, store, settings, mode, venue, services, first, lifecycle);
        return Connected(builder.Build());
    }

    /// <summary>Registers the chosen platform services on any host builder (a plain host, or the API's web host).</summary>
    public static void Configure(IHostApplicationBuilder builder, ITradingStore store, TradingSettings settings, ExecutionMode mode,
        IExecutionVenue? venue, IReadOnlyCollection<string> services, Action<IServiceCollection>? first = null, string? lifecycle = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (lifecycle is not null)
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ServiceLifecycle>(sp, lifecycle));
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
        if (services.Contains(Supervisor)) builder.Services.AddBotSupervisor(Path.Combine(settings.DataDir, "logs"));
        builder.Services.AddHostedService<ConsumersReadyGate>();
        if (services.Contains(Collector))
        {
            var series = Series(settings);
            if (series.Length == 0) Console.Error.WriteLine("warning: no symbols configured (config/symbols.yaml): the collector is not started");
            else builder.Services.AddCandleCollector(settings, new CollectorOptions { Series = series, WebSocketUrl = new Uri(settings.BinanceWsUrl) });
        }
        // The connection flag is this process's collector's: a process without one (a separate executor) has no flag to trust,
        // so it neither reports itself degraded nor denies orders for a connection it does not hold.
        if (!services.Contains(Collector)) builder.Services.RemoveAll<IMarketConnectionHealth>();
    }

    /// <summary>Connects the bus before the host starts, so a Redis that stays away ends in one error line, not a host failure report.</summary>
    public static T Connected<T>(T host) where T : IHost
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.GetRequiredService<IMessageBus>();
        return host;
    }

    private static (Symbol, Timeframe)[] Series(TradingSettings settings) =>
        settings.EnabledSymbols.SelectMany(s => s.Timeframes.Select(t => (Symbol.Parse(s.Symbol), Timeframe.Parse(t)))).ToArray();
}
