using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Api.Hosting;
using Trading.Cli.Commands.Api;
using Trading.Cli.Commands.Db;
using Trading.Cli.Commands.Order;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// <c>trading service run</c> hosts every service in one process (data-collector, strategy-engine, order-executor,
/// portfolio-manager) on the in-process bus; <c>trading service start NAME</c> hosts one of them. Ctrl+C stops.
/// </summary>
public static class ServiceHostCommand
{
    public static Command CreateRun()
    {
        var command = new Command("run", "Run all services in one process (Ctrl+C stops)");
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) => RunAsync(parse, PlatformHost.All, ct));
        return command;
    }

    public static Command CreateStart()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", PlatformHost.All)}" };
        var command = new Command("start", "Run one service (Ctrl+C stops)");
        command.Arguments.Add(name);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) =>
        {
            var chosen = parse.GetValue(name)!;
            if (PlatformHost.All.Contains(chosen)) return RunAsync(parse, [chosen], ct);
            Console.Error.WriteLine($"error: unknown service '{chosen}': expected one of {string.Join(", ", PlatformHost.All)}");
            return Task.FromResult(TradingCli.UsageError);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyCollection<string> services, CancellationToken ct)
    {
        if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
        var registry = StrategyCatalog.Load(settings);
        if (services.Contains(PlatformHost.Engine) && StrategyConfigCheck.Check(settings, registry) is { Count: > 0 } problems)
            return CliSettings.ReportProblems(problems);
        if (!ExecutorSession.TryResolveMode(parse, settings, out var mode, out exit)) return exit;
        if (!ExecutorSession.TryCreateVenue(settings, mode, out var venue, out exit)) return exit;
        return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            var bots = services.Contains(PlatformHost.Engine) ? ConfiguredBots.From(settings) : [];
            var hostSettings = ConfiguredBots.WithTheirSeries(settings, bots, registry);
            void First(IServiceCollection s)
            {
                s.AddSingleton(registry);
                if (services.Contains(PlatformHost.Engine)) s.AddConfiguredBots(bots);
            }
            var what = $"running {string.Join(", ", services)} on {description}";
            if (services.Count == PlatformHost.All.Length)
            {
                // `service run` hosts the REST API and dashboard beside the platform, on the same store and bus.
                var builder = ApiApplication.CreateBuilder(settings, new ApiOptions { Mode = mode, Services = [.. services] });
                PlatformHost.Configure(builder, store, hostSettings, mode, venue, services, s =>
                {
                    First(s);
                    ApiHosting.AddBotLauncher(s, store, settings, registry, mode, venue);
                });
                await using var app = PlatformHost.Connected(builder.Build());
                return await ApiHosting.RunAsync(app, settings, what, ct);
            }
            using var host = PlatformHost.Build(store, hostSettings, mode, venue, services, First);
            await Console.Error.WriteLineAsync($"{what}; Ctrl+C stops");
            await host.RunAsync(ct);
            return 0;
        }, migrate: true);
    }
}
