using Trading.Core.Storage;
using Trading.Services.Hosting;

namespace Trading.Services.Bots;

/// <summary>
/// Bot runtime records and stop requests, kept as JSON in the durable system state (keys <c>bot.runtime.{id}</c> and
/// <c>bot.stop.{id}</c>), so a bot in one process can be watched and stopped from another, on any host sharing the store.
/// </summary>
public sealed class BotRuntimeStore(ITradingStore store)
{
    private readonly ISystemStateStore _state = store.SystemState;

    public Task<BotRuntimeState?> GetAsync(string botId, CancellationToken ct = default) =>
        SystemStateJson.GetAsync<BotRuntimeState>(_state, RuntimeKey(botId), ct);

    public Task SaveAsync(BotRuntimeState runtime, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return SystemStateJson.SetAsync(_state, RuntimeKey(runtime.BotId), runtime, ct);
    }

    /// <summary>Asks the bot's process to stop; it polls for this about once a second.</summary>
    public Task RequestStopAsync(string botId, string reason, CancellationToken ct = default) => _state.SetAsync(StopKey(botId), reason, ct);

    public Task ClearStopRequestAsync(string botId, CancellationToken ct = default) => _state.SetAsync(StopKey(botId), "", ct);

    /// <summary>The reason given with a pending stop request, or null when none is pending.</summary>
    public async Task<string?> GetStopRequestAsync(string botId, CancellationToken ct = default)
    {
        var text = await _state.GetAsync(StopKey(botId), ct);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Records a stopped bot: the runtime record says stopped and the bots table too, unless the engine marked it faulted.</summary>
    public async Task<BotRuntimeState> MarkStoppedAsync(BotRuntimeState runtime, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var bot = await store.Bots.GetAsync(runtime.BotId, ct);
        if (bot is not null && bot.Status != BotStatuses.Faulted) await store.Bots.SaveAsync(bot with { Status = BotStatuses.Stopped }, ct);
        var stopped = runtime with { Status = BotRuntimeState.Stopped, StoppedAt = now, Heartbeat = now, StopReason = reason };
        await SaveAsync(stopped, ct);
        await ClearStopRequestAsync(runtime.BotId, ct);
        return stopped;
    }

    private static string RuntimeKey(string botId) => $"bot.runtime.{botId}";

    private static string StopKey(string botId) => $"bot.stop.{botId}";
}
