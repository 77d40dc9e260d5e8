using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Services.Bots;

/// <summary>
/// The bot manager (<c>trading service run --name bot-supervisor</c>). Every check interval it looks at each bot recorded as
/// running: when its process is gone (by pid on this host, at once; by heartbeat elsewhere) the bot crashed, and it is
/// started again with the arguments it recorded, at most <see cref="BotSupervisorOptions.MaxRestarts"/> times within
/// <see cref="BotSupervisorOptions.Window"/>; the next crash marks it failed, with the reason, on <c>bots.status</c> and as
/// an alert on <c>system.events</c>. The first check at start restores the bots that were running when the platform went
/// down (a restore is not a crash); each warms its strategy from the stored candles as it starts.
/// </summary>
public sealed class BotSupervisor(
    ITradingStore store,
    IMessageBus bus,
    IBotLauncher launcher,
    BotSupervisorOptions options,
    TimeProvider time,
    ILogger<BotSupervisor> logger) : BackgroundService
{
    public const string FailedEventKind = "bot_failed";
    private readonly BotRuntimeStore _runtimes = new(store);
    private readonly BotRestartHistory _history = new(store.SystemState);
    private bool _restored;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await CheckOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Bot supervisor check failed: {Error}", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping; the bots keep running on their own.
        }
    }

    /// <summary>One pass over the bots: restores at the first pass, restarts or fails crashed ones afterwards.</summary>
    public async Task CheckOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var bot in await store.Bots.ListAsync(ct))
        {
            if (await _runtimes.GetAsync(bot.Id, ct) is not { IsRunning: true } runtime || !BotProcessProbe.IsGone(runtime, now)) continue;
            if (await _runtimes.GetStopRequestAsync(bot.Id, ct) is { } requested)
            {
                await _runtimes.MarkStoppedAsync(runtime, $"stopped as requested ({requested}); its process was gone", now, ct);
                continue;
            }
            if (!_restored) await LaunchAsync(runtime, "restored at platform start", ct);
            else await OnCrashAsync(runtime, now, ct);
        }
        _restored = true;
    }

    private async Task OnCrashAsync(BotRuntimeState runtime, DateTimeOffset now, CancellationToken ct)
    {
        var restarts = (await _history.LoadAsync(runtime.BotId, ct)).Where(t => now - t < options.Window).ToList();
        var crash = string.Create(CultureInfo.InvariantCulture, $"pid {runtime.Pid} on {runtime.Host} died");
        if (restarts.Count >= options.MaxRestarts)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"crashed {restarts.Count + 1} times within {options.Window.TotalMinutes:0} min (last: {crash}); restarts allowed: {options.MaxRestarts}");
            await FailAsync(runtime, reason, now, ct);
            return;
        }
        restarts.Add(now);
        await _history.SaveAsync(runtime.BotId, restarts, ct);
        await LaunchAsync(runtime, string.Create(CultureInfo.InvariantCulture, $"{crash}: restart {restarts.Count} of {options.MaxRestarts} this hour"), ct);
    }

    private async Task LaunchAsync(BotRuntimeState runtime, string reason, CancellationToken ct)
    {
        int pid;
        try
        {
            pid = launcher.Launch(runtime);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            await FailAsync(runtime, $"could not be started again: {e.Message}", time.GetUtcNow(), ct);
            return;
        }
        var now = time.GetUtcNow();
        // The new process owns the record from here; it rewrites it with its own details once it runs.
        await _runtimes.SaveAsync(runtime with { Pid = pid, Host = Environment.MachineName, StartedAt = now, Heartbeat = now }, ct);
        logger.LogWarning("Bot {Bot} started again as pid {Pid}: {Reason}", runtime.BotId, pid, reason);
        await PublishStatusAsync(runtime.BotId, BotRuntimeState.Running, $"started again as pid {pid}: {reason}", ct);
    }

    private async Task FailAsync(BotRuntimeState runtime, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await _runtimes.MarkStoppedAsync(runtime, reason, now, ct);
        await _runtimes.SaveAsync((await _runtimes.GetAsync(runtime.BotId, ct) ?? runtime) with { Status = BotRuntimeState.Failed, StopReason = reason }, ct);
        logger.LogError("Bot {Bot} failed: {Reason}", runtime.BotId, reason);
        await PublishStatusAsync(runtime.BotId, BotRuntimeState.Failed, reason, ct);
        await bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent(FailedEventKind, $"bot {runtime.BotId} failed: {reason}", now), ct);
    }

    private Task PublishStatusAsync(string botId, string status, string reason, CancellationToken ct) =>
        bus.PublishAsync(StreamNames.BotStatus, MessageEnvelope.Create(BotStatusMessage.Type, new BotStatusMessage(botId, status, reason), time.GetUtcNow()), ct).AsTask();
}
