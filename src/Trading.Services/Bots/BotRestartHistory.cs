using Trading.Core.Storage;
using Trading.Services.Hosting;

namespace Trading.Services.Bots;

/// <summary>When the supervisor restarted each bot, in the durable system state (<c>bot.restarts.{id}</c>), so the limit holds across supervisor restarts.</summary>
public sealed class BotRestartHistory(ISystemStateStore state)
{
    public async Task<List<DateTimeOffset>> LoadAsync(string botId, CancellationToken ct) =>
        await SystemStateJson.GetAsync<List<DateTimeOffset>>(state, Key(botId), ct) ?? [];

    public Task SaveAsync(string botId, IEnumerable<DateTimeOffset> restarts, CancellationToken ct) =>
        SystemStateJson.SetAsync(state, Key(botId), restarts.ToList(), ct);

    private static string Key(string botId) => $"bot.restarts.{botId}";
}
