using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>
/// Stops bots from any process through the store: a bot process (<c>trade start</c>, or one the supervisor runs) polls its
/// stop request; a bot whose process is gone is marked stopped at once; a bot that only has a row in the bots table (one
/// a <c>service run</c> engine runs) is set stopped there, which its engine reads. The CLI and the API share this.
/// </summary>
public sealed class BotControl(ITradingStore store, TimeProvider time)
{
    private readonly BotRuntimeStore _runtimes = new(store);

    /// <summary>The bots that are running now: a running runtime record or a running row in the bots table.</summary>
    public async Task<IReadOnlyList<string>> RunningAsync(CancellationToken ct = default)
    {
        var running = new List<string>();
        foreach (var bot in await store.Bots.ListAsync(ct))
        {
            var runtime = await _runtimes.GetAsync(bot.Id, ct);
            if (runtime is { IsRunning: true } || bot.Status == BotStatuses.Running) running.Add(bot.Id);
        }
        return running;
    }

    /// <summary>Asks one bot to stop. Unknown bots and bots that are not running answer <see cref="BotStopOutcome.NotRunning"/>.</summary>
    public async Task<BotStopResult> StopAsync(string botId, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        var runtime = await _runtimes.GetAsync(botId, ct);
        var bot = await store.Bots.GetAsync(botId, ct);
        var now = time.GetUtcNow();
        if (runtime is { IsRunning: true })
        {
            if (BotProcessProbe.IsGone(runtime, now))
            {
                await _runtimes.MarkStoppedAsync(runtime, $"process gone (pid {runtime.Pid} on {runtime.Host}); {reason}", now, ct);
                return new BotStopResult(botId, BotStopOutcome.MarkedStopped, $"bot {botId}: pid {runtime.Pid} on {runtime.Host} was gone; marked stopped");
            }
            await _runtimes.RequestStopAsync(botId, reason, ct);
            return new BotStopResult(botId, BotStopOutcome.Requested, $"bot {botId}: stop requested (pid {runtime.Pid} on {runtime.Host})");
        }
        if (bot is { Status: BotStatuses.Running })
        {
            await store.Bots.SaveAsync(bot with { Status = BotStatuses.Stopped }, ct);
            return new BotStopResult(botId, BotStopOutcome.Requested, $"bot {botId}: set stopped (its strategy engine stops feeding it)");
        }
        return new BotStopResult(botId, BotStopOutcome.NotRunning, $"bot {botId}: not running");
    }

    /// <summary>Asks every running bot to stop.</summary>
    public async Task<IReadOnlyList<BotStopResult>> StopAllAsync(string reason, CancellationToken ct = default)
    {
        var results = new List<BotStopResult>();
        foreach (var id in await RunningAsync(ct)) results.Add(await StopAsync(id, reason, ct));
        return results;
    }

    /// <summary>Waits until none of <paramref name="botIds"/> has a running runtime record, or the timeout passes; the ones still running.</summary>
    public async Task<IReadOnlyList<string>> WaitStoppedAsync(IEnumerable<string> botIds, TimeSpan timeout, CancellationToken ct = default)
    {
        var pending = botIds.ToList();
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var still = new List<string>();
            foreach (var id in pending)
            {
                if (await _runtimes.GetAsync(id, ct) is { IsRunning: true } runtime && !BotProcessProbe.IsGone(runtime, time.GetUtcNow())) still.Add(id);
            }
            pending = still;
            if (pending.Count == 0 || time.GetUtcNow() >= deadline) return pending;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
        }
    }
}
