using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>
/// Records a bot process in the store: at start the bot is saved as running (so the strategy engine runs it) with a
/// runtime record (host, pid, mode, start time); every heartbeat interval the record is refreshed and a stop request is
/// polled, which stops the host; the last signal and order seen on the bus are kept in the record; at stop it says stopped.
/// Register it before the other services so it starts first and stops last.
/// </summary>
public sealed class BotRuntimeService(
    BotRuntimeOptions options,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<BotRuntimeService> logger) : BackgroundService
{
    public const string ConsumerGroup = "bot-runtime";
    private readonly BotRuntimeStore _runtimes = new(store);
    private readonly SemaphoreSlim _writes = new(1, 1);
    private BotRuntimeState _state = null!;
    private string? _stopReason;

    private BotDefinition Bot => options.Bot;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _state = new BotRuntimeState
        {
            BotId = Bot.Id, Strategy = Bot.Strategy, Symbols = Bot.Symbols, Timeframe = Bot.Timeframe, Mode = options.Mode,
            Host = Environment.MachineName, Pid = Environment.ProcessId, StartedAt = now, Heartbeat = now,
            Arguments = options.Arguments,
        };
        if (!options.StartedBySupervisor) await _runtimes.ClearStopRequestAsync(Bot.Id, cancellationToken);
        await store.Bots.SaveAsync(Bot with { Status = BotStatuses.Running }, cancellationToken);
        await _runtimes.SaveAsync(_state, cancellationToken);
        logger.LogInformation("Bot {Bot} running: {Strategy} on {Symbols} {Timeframe}, pid {Pid}", Bot.Id, Bot.Strategy,
            string.Join(",", Bot.Symbols), Bot.Timeframe, _state.Pid);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = new[]
        {
            bus.SubscribeAsync(StreamNames.Signals, ConsumerGroup, OnSignalAsync, stoppingToken),
            bus.SubscribeAsync(StreamNames.Orders, ConsumerGroup, OnOrderAsync, stoppingToken),
        };
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (await _runtimes.GetStopRequestAsync(Bot.Id, stoppingToken) is { } reason)
                {
                    logger.LogWarning("Bot {Bot}: stop requested ({Reason})", Bot.Id, reason);
                    _stopReason = reason;
                    lifetime.StopApplication();
                    break;
                }
                await SaveAsync(s => s with { Heartbeat = time.GetUtcNow() }, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        await Task.WhenAll(watchers);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await MarkStoppedAsync(_stopReason ?? "process stopped (Ctrl+C or SIGTERM)", CancellationToken.None);
    }

    /// <summary>Records the bot as stopped, keeping a fault the strategy engine recorded. Safe to call twice.</summary>
    public async Task MarkStoppedAsync(string reason, CancellationToken ct)
    {
        await _writes.WaitAsync(ct);
        try
        {
            if (_state is null || !_state.IsRunning) return;
            _state = await _runtimes.MarkStoppedAsync(_state, reason, time.GetUtcNow(), ct);
        }
        finally
        {
            _writes.Release();
        }
        logger.LogInformation("Bot {Bot} stopped: {Reason}", Bot.Id, reason);
    }

    private ValueTask OnSignalAsync(MessageEnvelope message, CancellationToken ct)
    {
        var signal = message.Deserialize<Signal>();
        if (signal.BotId is not null && signal.BotId != Bot.Id) return ValueTask.CompletedTask;
        var text = string.Create(CultureInfo.InvariantCulture, $"{signal.Side} {signal.Symbol} @ {signal.Price:0.########}");
        return new ValueTask(SaveAsync(s => s with { LastSignal = text, LastSignalAt = signal.CreatedAt }, ct));
    }

    /// <summary>The last order as `trade status` shows it; a rejected or failed one with its reason.</summary>
    private async ValueTask OnOrderAsync(MessageEnvelope message, CancellationToken ct)
    {
        var order = message.Deserialize<Order>();
        if (order.BotId is not null && order.BotId != Bot.Id) return;
        var cause = await Execution.OrderFailures.CauseAsync(store, order, ct);
        var text = string.Create(CultureInfo.InvariantCulture, $"{order.Side} {order.Quantity:0.########} {order.Symbol} {order.Status}{(cause is null ? "" : $": {cause}")}");
        await SaveAsync(s => s with { LastOrder = text, LastOrderAt = order.UpdatedAt }, ct);
    }

    // Serialised so a later change is never overwritten by an earlier one.
    private async Task SaveAsync(Func<BotRuntimeState, BotRuntimeState> change, CancellationToken ct)
    {
        await _writes.WaitAsync(ct);
        try
        {
            _state = change(_state);
            await _runtimes.SaveAsync(_state, ct);
        }
        finally
        {
            _writes.Release();
        }
    }
}
