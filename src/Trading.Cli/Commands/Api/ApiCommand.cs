using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trading.Api.Hosting;
using Trading.Cli.Commands.Db;
using Trading.Cli.Commands.Order;
using Trading.Cli.Commands.Service;
using Trading.Services;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Api;

/// <summary>
/// <c>trading api [--port 8080]</c>: the REST API and dashboard on their own, over the configured store and bus; bots started
/// through it run in this process. `trading service run` hosts the same API beside the platform's services.
/// </summary>
public static class ApiCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "Port to listen on (default TRADING_API_PORT or 8080; 0 = any free port)" };
        var command = new Command("api", "Run the REST API and web dashboard (Ctrl+C stops)");
        command.Options.Add(port);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(port) is { } p && p is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync($"error: --port must be within 0..65535, got {p}");
                return TradingCli.UsageError;
            }
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            if (!ExecutorSession.TryResolveMode(parse, settings, out var mode, out exit)) return exit;
            if (!ExecutorSession.TryCreateVenue(settings, mode, out var venue, out exit)) return exit;
            var registry = StrategyCatalog.Load(settings);
            return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                var builder = ApiApplication.CreateBuilder(settings, new ApiOptions { Mode = mode, Port = parse.GetValue(port) });
                builder.Services.AddSingleton(store);
                builder.Services.AddSingleton(store.Candles);
                builder.Services.AddSingleton(registry);
                if (venue is not null) builder.Services.AddSingleton<Core.Execution.IExecutionVenue>(venue);
                builder.Services.AddTradingPlatform(settings);
                ApiHosting.AddBotLauncher(builder.Services, store, settings, registry, mode, venue);
                await using var app = PlatformHost.Connected(builder.Build());
                return await ApiHosting.RunAsync(app, settings, $"API on {description}", ct);
            }, migrate: true);
        });
        return command;
    }
}
