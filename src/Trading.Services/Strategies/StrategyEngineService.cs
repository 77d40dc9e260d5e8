using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Execution;

namespace Trading.Services.Strategies;

/// <summary>
/// Runs the strategies of the enabled, running bots: warms each up from stored candles, then feeds it the closed candles
/// of <c>candles.{SYMBOL}</c>, stores every signal with its indicator values and publishes it on <c>signals</c>.
/// A strategy that throws is isolated: its bot is marked faulted (stored and published on <c>bots.status</c>) and the
/// others keep running. Bots are read once at start; a <see cref="StrategyEngineScope"/> limits which.
/// </summary>
public sealed class StrategyEngineService(
    StrategyRegistry registry,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ILogger<StrategyEngineService> logger,
    StrategyEngineScope? scope = null,
    InlineExecution? inline = null) : BackgroundService
{
    public const string ConsumerGroup = "strategy-engine";
    private const int WarmUpMargin = 5;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StrategyWarmUp _warmUp = new(store.Candles, time);
    private List<BotStrategyInstance> _instances = [];

    /// <summary>Completes once every strategy is warmed up and every candle stream is subscribed.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _instances = await CreateInstancesAsync(stoppingToken);
            inline?.Claim(_instances.Select(i => i.Symbol));
            foreach (var instance in _instances.ToArray()) await WarmUpAsync(instance, stoppingToken);
            var symbols = _instances.SelectMany(i => i.Series).Select(s => s.Symbol).Distinct().ToArray();
            var subscriptions = symbols
                .Select(s => bus.SubscribeAsync(StreamNames.Candles(s), ConsumerGroup, HandleAsync, stoppingToken))
                .ToArray();
            logger.LogInformation("Strategy engine running {Count} strategy instance(s) on {Symbols}", _instances.Count, string.Join(", ", symbols));
            _ready.TrySetResult();
            await Task.WhenAll(subscriptions);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            inline?.Fail(e);
            throw;
        }
    }

    private async Task<List<BotStrategyInstance>> CreateInstancesAsync(CancellationToken ct)
    {
        var instances = new List<BotStrategyInstance>();
        var bots = await store.Bots.ListAsync(ct);
        foreach (var bot in bots.Where(b => b.Enabled && b.Status == BotStatuses.Running && (scope is null || scope.Includes(b.Id))))
        {
            try
            {
                var timeframe = Timeframe.Parse(bot.Timeframe);
                foreach (var symbol in bot.Symbols.Select(Symbol.Parse))
                    instances.Add(new BotStrategyInstance(bot, symbol, timeframe, registry.Create(bot.Strategy, bot.Parameters), scope?.Market ?? MarketType.Spot));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                instances.RemoveAll(i => i.Bot.Id == bot.Id);
                await FaultAsync(bot, $"cannot start strategy '{bot.Strategy}': {e.Message}", ct);
            }
        }
        return instances;
    }

    private async Task WarmUpAsync(BotStrategyInstance instance, CancellationToken ct)
    {
        var count = instance.Strategy.WarmUpPeriod + WarmUpMargin;
        var history = await _warmUp.ReadAsync(instance.Series, instance.Symbol, instance.Timeframe, count, ct);
        try
        {
            foreach (var candle in history) instance.Feed(candle);
        }
        catch (Exception e)
        {
            await FaultAsync(instance.Bot, $"strategy '{instance.Strategy.Name}' threw during warm-up: {e.Message}", ct);
        }
        logger.LogInformation("Bot {Bot} {Strategy} on {Symbol} {Timeframe} warmed up with {Count} candle(s)",
            instance.Bot.Id, instance.Strategy.Name, instance.Symbol, instance.Timeframe, history.Count);
    }

    private async ValueTask HandleAsync(MessageEnvelope message, CancellationToken ct)
    {
        if (message.Type != CandleMessage.ClosedType) return;
        var payload = message.Deserialize<CandleMessage>();
        if (!payload.IsClosed) return;
        var candle = payload.ToCandle();
        if (candle.FindProblem() is { } problem)
        {
            logger.LogError("Ignoring corrupt candle message {Id}: {Problem}", message.Id, problem);
            return;
        }
        var executor = inline is not null && inline.Drives(candle.Symbol) ? await inline.Executor.WaitAsync(ct) : null;
        if (executor is not null) await executor.OnCandleAsync(candle, ct); // the venue sees the candle before the strategy
        foreach (var instance in _instances)
        {
            if (instance.Wants(candle)) await HandleAsync(instance, candle, executor, ct);
        }
    }

    private async Task HandleAsync(BotStrategyInstance instance, Candle candle, IInlineExecutor? executor, CancellationToken ct)
    {
        await instance.Gate.WaitAsync(ct);
        try
        {
            if (!_instances.Contains(instance)) return;
            if (executor is not null) executor.ShowPositions(instance.Context);
            else await UpdatePositionAsync(instance, ct);
            Signal? signal;
            try
            {
                signal = instance.Feed(candle);
            }
            catch (Exception e)
            {
                await FaultAsync(instance.Bot, $"strategy '{instance.Strategy.Name}' threw on {candle.Symbol} {candle.Timeframe} {candle.OpenTime:u}: {e.Message}", ct);
                return;
            }
            if (signal is not null) instance.Pending.Add(signal);
            await FlushAsync(instance, executor, ct);
        }
        finally
        {
            instance.Gate.Release();
        }
    }

    // Store first, then publish: both are idempotent by signal id, so a failure here is retried by the bus redelivering the candle.
    private async Task FlushAsync(BotStrategyInstance instance, IInlineExecutor? executor, CancellationToken ct)
    {
        while (instance.Pending.Count > 0)
        {
            var signal = instance.Pending[0];
            using var scope = logger.BeginScope(Observability.Logging.LogScopes.ForSignal(signal));
            await store.Signals.SaveAsync(signal, ct);
            await bus.PublishAsync(StreamNames.Signals, SignalMessages.Create(signal, time.GetUtcNow()), ct);
            instance.Pending.RemoveAt(0);
            logger.LogInformation("Signal {Id}: {Side} {Quantity} {Symbol} at {Price} ({Reason})",
                signal.Id, signal.Side, signal.Quantity, signal.Symbol, signal.Price, signal.Reason);
            if (executor is not null && inline!.Drives(signal.Symbol))
                logger.LogInformation("Signal {SignalId}: {Outcome}", signal.Id, await executor.ExecuteAsync(ExecutionRequest.FromSignal(signal), ct));
        }
    }

    private async Task UpdatePositionAsync(BotStrategyInstance instance, CancellationToken ct)
    {
        var positions = await store.Portfolio.ListPositionsAsync(ct);
        foreach (var (symbol, _) in instance.Series)
        {
            var position = positions.FirstOrDefault(p => p.Symbol == symbol);
            instance.Context.SetPosition(symbol, position?.Quantity ?? 0m);
            if (symbol == instance.Symbol) instance.Context.PositionAveragePrice = position?.AverageEntryPrice ?? 0m;
        }
    }

    private async Task FaultAsync(BotDefinition bot, string reason, CancellationToken ct)
    {
        _instances = _instances.Where(i => i.Bot.Id != bot.Id).ToList();
        logger.LogError("Bot {Bot} faulted: {Reason}", bot.Id, reason);
        await store.Bots.SaveAsync(bot with { Status = BotStatuses.Faulted }, ct);
        await bus.PublishAsync(StreamNames.BotStatus,
            MessageEnvelope.Create(BotStatusMessage.Type, new BotStatusMessage(bot.Id, BotStatuses.Faulted, reason), time.GetUtcNow()), ct);
    }
}
