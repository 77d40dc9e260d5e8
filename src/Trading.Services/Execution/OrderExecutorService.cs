using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>
/// The order executor as a hosted service: prints the mode, builds the executor from the store, then consumes
/// <c>signals</c> (each through the risk gate) and the closed candles of its symbols (marks and paper fills).
/// </summary>
public sealed class OrderExecutorService(
    TradingSettings settings,
    ExecutionOptions options,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ILogger<OrderExecutorService> logger,
    IMarketConnectionHealth? health = null,
    IExecutionVenue? exchangeVenue = null,
    InlineExecution? inline = null) : BackgroundService
{
    public const string ConsumerGroup = "order-executor";
    private readonly TaskCompletionSource<OrderExecutor> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Routes the venue account's event stream (Binance's user data) into the executor once started; null without one.</summary>
    public UserDataRouter? UserData { get; private set; }

    /// <summary>Completes with the executor once it is built and every stream is subscribed.</summary>
    public Task<OrderExecutor> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            logger.LogWarning("Order executor mode: {Mode}", ExecutionModes.Describe(options.Mode));
            var filters = await SymbolDirectory.ForModeAsync(settings, options.Mode, store, time, stoppingToken);
            var executor = await ExecutorFactory.CreateAsync(store, bus, options, ExecutorFactory.LimitsFrom(settings), filters,
                time, logger, health, exchangeVenue, stoppingToken);
            if (executor.Venue is { Account.Events: { } events } venue)
            {
                UserData = new UserDataRouter(events, executor, venue, store, bus, time, logger);
                await UserData.StartAsync(stoppingToken);
            }
            inline?.Offer(executor);
            var driven = inline is null ? new HashSet<Symbol>() : await inline.Symbols.WaitAsync(stoppingToken);
            var subscriptions = filters.Keys.Where(symbol => !driven.Contains(symbol))
                .Select(symbol => bus.SubscribeAsync(StreamNames.Candles(symbol), ConsumerGroup,
                    (message, ct) => executor.OnCandleAsync(message.Deserialize<CandleMessage>().ToCandle(), ct), stoppingToken))
                .Append(bus.SubscribeAsync(StreamNames.Signals, ConsumerGroup, (message, ct) => HandleSignalAsync(executor, message, ct), stoppingToken))
                .ToArray();
            _ready.TrySetResult(executor);
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
        finally
        {
            if (UserData is not null) await UserData.DisposeAsync();
        }
    }

    private async ValueTask HandleSignalAsync(OrderExecutor executor, MessageEnvelope message, CancellationToken ct)
    {
        Signal signal;
        try
        {
            signal = message.Deserialize<Signal>();
            signal.Validate();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or ArgumentException)
        {
            logger.LogError("Signal message {Id} is invalid and is skipped: {Reason}", message.Id, e.Message);
            return;
        }
        if (inline?.Drives(signal.Symbol) == true) return; // the strategy engine executed it in candle order
        using var scope = logger.BeginScope(Observability.Logging.LogScopes.ForSignal(signal));
        try
        {
            // Not cancelled by a stop (SIGINT/SIGTERM): an order in flight finishes, is booked and acked before the process exits.
            var outcome = await executor.ExecuteAsync(ExecutionRequest.FromSignal(signal), CancellationToken.None);
            logger.LogInformation("Signal {SignalId}: {Outcome}", signal.Id, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acknowledged: the bus redelivers it, and the client order id keeps a retry from placing it twice.
            logger.LogError(e, "Signal {SignalId} failed in the executor: {Error}", signal.Id, e.Message);
            throw;
        }
    }
}
