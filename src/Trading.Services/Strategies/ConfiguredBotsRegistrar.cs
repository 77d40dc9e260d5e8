using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Storage;

namespace Trading.Services.Strategies;

/// <summary>
/// Saves the configured bots (see <see cref="ConfiguredBots"/>) as running before the strategy engine starts, so it runs
/// them, and as stopped when the host stops. Register it before the strategy engine.
/// </summary>
public sealed class ConfiguredBotsRegistrar(IReadOnlyList<BotDefinition> bots, ITradingStore store, ILogger<ConfiguredBotsRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var bot in bots) await store.Bots.SaveAsync(bot with { Status = BotStatuses.Running }, cancellationToken);
        logger.LogInformation("Configured bots: {Bots}", bots.Count == 0 ? "none" : string.Join(", ", bots.Select(b => b.Id)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stored = await store.Bots.ListAsync(CancellationToken.None);
        foreach (var bot in stored.Where(s => bots.Any(b => b.Id == s.Id) && s.Status == BotStatuses.Running))
            await store.Bots.SaveAsync(bot with { Status = BotStatuses.Stopped }, CancellationToken.None);
    }
}
