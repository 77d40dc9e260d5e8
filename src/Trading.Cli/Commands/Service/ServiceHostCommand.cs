using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Cli.Commands.Db;
using Trading.Cli.Commands.Order;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Core.Storage;
using Trading.Services;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.MarketData;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// <c>trading service run</c> hosts every service in one process (data-collector, strategy-engine, order-executor,
/// portfolio-manager) on the in-process bus; <c>trading service start NAME</c> hosts one of them. Ctrl+C stops.
/// </summary>
public static class ServiceHostCommand
{
    public static readonly string[] Names = ["data-collector", "strategy-engine", "order-executor", "portfolio-manager"];

    public static Command CreateRun()
    {
        var command = new Command("run", "Run all services in one process (Ctrl+C stops)");
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) => RunAsync(parse, Names, ct));
        return command;
    }

    public static Command CreateStart()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", Names)}" };
        var command = new Command("start", "Run one service (Ctrl+C stops)");
        command.Arguments.Add(name);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) =>
        {
            var chosen = parse.GetValue(name)!;
            if (Names.Contains(chosen)) return RunAsync(parse, [chosen], ct);
            Console.Error.WriteLine($"error: unknown service '{chosen}': expected one of {string.Join(", ", Names)}");
            return Task.FromResult(TradingCli.UsageError);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyCollection<string> services, CancellationToken ct)
    {
        if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
        if (!ExecutorSession.TryResolveMode(parse, settings, out var mode, out exit)) return exit;
        if (!ExecutorSession.TryCreateVenue(settings, mode, out var venue, out exit)) return exit;
        return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(store);
            builder.Services.AddSingleton(ExecutionServiceCollectionExtensions.OptionsFrom(settings, mode));
            if (venue is not null) builder.Services.AddSingleton<IExecutionVenue>(venue);
            builder.Services.AddTradingPlatform(settings);
            builder.Services.AddBinanceMarketData(settings);
            var series = settings.Symbols.SelectMany(s => s.Timeframes.Select(t => (Symbol.Parse(s.Symbol), Timeframe.Parse(t)))).ToArray();
            if (services.Contains("data-collector"))
            {
                if (series.Length == 0) await Console.Error.WriteLineAsync("warning: no symbols configured (config/symbols.yaml): the collector is not started");
                else builder.Services.AddCandleCollector(settings, new CollectorOptions { Series = series, WebSocketUrl = new Uri(settings.BinanceWsUrl) });
            }
            if (services.Contains("strategy-engine"))
            {
                builder.Services.AddSingleton(StrategyCatalog.Load(settings));
                builder.Services.AddHostedService<StrategyEngineService>();
            }
            if (services.Contains("order-executor")) builder.Services.AddOrderExecutor();
            if (services.Contains("portfolio-manager")) builder.Services.AddPortfolioManager();
            using var host = builder.Build();
            await Console.Error.WriteLineAsync($"running {string.Join(", ", services)} on {description}; Ctrl+C stops");
            await host.RunAsync(ct);
            return 0;
        }, migrate: true);
    }
}
