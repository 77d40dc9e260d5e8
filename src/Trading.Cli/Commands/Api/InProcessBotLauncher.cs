using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Trading.Api.Bots;
using Trading.Cli.Commands.Trade;
using Trading.Core.Execution;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Api;

/// <summary>
/// Runs each bot started through the API in its own host inside this process, exactly as `trading trade start` runs it
/// (<see cref="BotHost"/>). The bot stops on its stop request (DELETE /bots/{id} or `trading trade stop`, from any process)
/// or when this process stops. Each records the `trade start` arguments that run it alone, so the supervisor can start it
/// again as its own process if this one dies.
/// </summary>
internal sealed class InProcessBotLauncher(ITradingStore store, TradingSettings settings, StrategyRegistry registry, ExecutionMode mode,
    IExecutionVenue? venue, IHostApplicationLifetime lifetime) : IBotStarter, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public async Task<string?> StartAsync(BotDefinition bot, CancellationToken ct)
    {
        if (_running.TryGetValue(bot.Id, out var running) && !running.IsCompleted) return $"bot '{bot.Id}' is still stopping; try again";
        BotHost botHost;
        try
        {
            botHost = BotHost.Build(store, settings, bot, registry, registry.Create(bot.Strategy, bot.Parameters), mode, venue,
                TradeStartOptions.ArgumentsFor(bot, ExecutionModes.Name(mode)));
            await botHost.Host.StartAsync(ct);
        }
        catch (Exception e) when (e is StrategyConfigurationException or InvalidOperationException or IOException)
        {
            return $"bot '{bot.Id}' did not start: {e.Message}";
        }
        _running[bot.Id] = Task.Run(() => RunUntilStoppedAsync(botHost), CancellationToken.None);
        return null;
    }

    /// <summary>When the API's host is disposed, waits for its bots to record that they stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // A bot host that does not stop in time is left to the process exit; its heartbeat goes stale and shows it lost.
        }
    }

    private async Task RunUntilStoppedAsync(BotHost botHost)
    {
        try
        {
            await botHost.Host.WaitForShutdownAsync(lifetime.ApplicationStopping);
        }
        finally
        {
            await botHost.Recorder.MarkStoppedAsync(lifetime.ApplicationStopping.IsCancellationRequested ? "the API process stopped" : "stopped",
                CancellationToken.None);
            botHost.Host.Dispose();
        }
    }
}
