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
/// portfolio-manager, bot-supervisor) on the in-process bus; <c>trading service run --name NAME</c> (or the older
/// <c>service start NAME</c>) hosts one of them, the distributed mode with DATABASE_URL and REDIS_URL. Each records its
/// lifecycle and heartbeat in the store (<see cref="Trading.Services.Hosting.ServiceLifecycle"/>). Ctrl+C or SIGTERM stops.
/// </summary>
public static class ServiceHostCommand
{
    public static Command CreateRun()
    {
        var name = new Option<string?>("--name") { Description = $"Run only this service: {string.Join(", ", PlatformHost.Names)}" };
        var command = new Command("run", "Run every service in one process, or one with --name (distributed mode with DATABASE_URL and REDIS_URL); Ctrl+C stops");
        command.Options.Add(name);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(name) is not { } chosen) return RunAsync(parse, PlatformHost.Names, ct);
            if (PlatformHost.Names.Contains(chosen)) return RunAsync(parse, [chosen], ct);
            Console.Error.WriteLine($"error: unknown service '{chosen}': expected one of {string.Join(", ", PlatformHost.Names)}");
            return Task.FromResult(TradingCli.UsageError);
        });
        return command;
    }

    public static Command CreateStart()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", PlatformHost.Names)}" };
        var command = new Command("start", "Run one service (Ctrl+C stops)");
        command.Arguments.Add(name);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction((parse, ct) =>
        {
            var chosen = parse.GetValue(name)!;
            if (PlatformHost.Names.Contains(chosen)) return RunAsync(parse, [chosen], ct);
            Console.Error.WriteLine($"error: unknown service '{chosen}': expected one of {string.Join(", ", PlatformHost.Names)}");
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
            await using var singletons = await ServiceSingletons.TryAcquireAsync(store, services, ct);
            if (singletons is null) return 1;
            using var running = CancellationTokenSource.CreateLinkedTokenSource(ct, singletons.Lost);
            var code = await HostAsync(running.Token);
            if (singletons.LostError() is not { } lost) return code;
            await Console.Error.WriteLineAsync(lost);
            return StoreCommand.RuntimeError;

            async Task<int> HostAsync(CancellationToken stopping)
            {
                var bots = services.Contains(PlatformHost.Engine) ? ConfiguredBots.From(settings) : [];
                var hostSettings = ConfiguredBots.WithTheirSeries(settings, bots, registry);
                void First(IServiceCollection s)
                {
                    s.AddSingleton(registry);
                    if (services.Contains(PlatformHost.Engine)) s.AddConfiguredBots(bots);
                }
                var lifecycle = services.Count == 1 ? services.First() : PlatformHost.Embedded;
                var what = $"running {string.Join(", ", services)} on {description}";
                if (services.Count > 1)
                {
                    // `service run` hosts the REST API and dashboard beside the platform, on the same store and bus.
                    var builder = ApiApplication.CreateBuilder(settings, new ApiOptions { Mode = mode, Services = [.. services] });
                    PlatformHost.Configure(builder, store, hostSettings, mode, venue, services, s =>
                    {
                        First(s);
                        ApiHosting.AddBotLauncher(s, store, settings, registry, mode, venue);
                    }, lifecycle);
                    await using var app = PlatformHost.Connected(builder.Build());
                    return await ApiHosting.RunAsync(app, settings, what, stopping);
                }
                using var host = PlatformHost.Build(store, hostSettings, mode, venue, services, First, lifecycle);
                await Console.Error.WriteLineAsync($"{what}; Ctrl+C stops");
                await StopAfterStart.RunAsync(host, stopping);
                return 0;
            }
        }, migrate: true);
    }
}
