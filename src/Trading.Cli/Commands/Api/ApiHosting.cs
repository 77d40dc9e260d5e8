using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Api.Bots;
using Trading.Api.Hosting;
using Trading.Cli.Commands.Db;
using Trading.Core.Execution;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Api;

/// <summary>Runs the API's web host for `trading api` and `trading service run`: starts it, prints where it listens, waits for Ctrl+C.</summary>
internal static class ApiHosting
{
    /// <summary>Lets the API start bots in this process (<see cref="InProcessBotLauncher"/>).</summary>
    public static void AddBotLauncher(IServiceCollection services, ITradingStore store, TradingSettings settings, StrategyRegistry registry,
        ExecutionMode mode, IExecutionVenue? venue) =>
        services.AddSingleton<IBotStarter>(sp =>
            new InProcessBotLauncher(store, settings, registry, mode, venue, sp.GetRequiredService<IHostApplicationLifetime>()));

    public static async Task<int> RunAsync(WebApplication app, TradingSettings settings, string what, CancellationToken ct)
    {
        app.UseTradingApi();
        try
        {
            await Service.StopAfterStart.StartAsync(app, ct);
        }
        catch (IOException e)
        {
            var url = ApiAccess.ListenUrl(settings, app.Services.GetRequiredService<ApiOptions>().Port);
            await Console.Error.WriteLineAsync($"error: the API cannot listen on {url}: {e.Message.Split('\n')[0]}");
            return StoreCommand.RuntimeError;
        }
        if (string.IsNullOrEmpty(settings.ApiKey))
            await Console.Error.WriteLineAsync("warning: TRADING_API_KEY is not set: the API refuses every request but /health");
        await Console.Error.WriteLineAsync($"{what}; API and dashboard on {app.ListeningUrl()} (reference at /scalar); Ctrl+C stops");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
