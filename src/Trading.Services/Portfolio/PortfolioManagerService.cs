using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Services.Portfolio;

/// <summary>
/// The portfolio manager: consumes fills from <c>fills</c> and closed candles of the traded symbols into a
/// <see cref="PortfolioTracker"/>, which persists positions, balances and snapshots. One lock serialises both streams.
/// </summary>
public sealed class PortfolioManagerService(
    TradingSettings settings,
    ExecutionOptions options,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ILogger<PortfolioManagerService> logger) : BackgroundService
{
    public const string ConsumerGroup = "portfolio-manager";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TaskCompletionSource<PortfolioTracker> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the tracker once it is rebuilt from the store and subscribed.</summary>
    public Task<PortfolioTracker> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var tracker = new PortfolioTracker(store, options.InitialQuoteBalance);
            await tracker.InitializeAsync(time.GetUtcNow(), stoppingToken);
            var symbols = SymbolDirectory.Offline(settings).Keys;
            var subscriptions = symbols
                .Select(symbol => bus.SubscribeAsync(StreamNames.Candles(symbol), ConsumerGroup,
                    (message, ct) => Locked(() => tracker.OnCandleAsync(message.Deserialize<CandleMessage>().ToCandle(), ct), ct), stoppingToken))
                .Append(bus.SubscribeAsync(StreamNames.Fills, ConsumerGroup,
                    (message, ct) => Locked(() => tracker.OnFillAsync(message.Deserialize<Fill>(), ct), ct), stoppingToken))
                .ToArray();
            logger.LogInformation("Portfolio manager running: equity {Equity} {Quote}", tracker.Account.Equity, tracker.Account.QuoteAsset);
            _ready.TrySetResult(tracker);
            await Task.WhenAll(subscriptions);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    private async ValueTask Locked(Func<Task> action, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await action();
        }
        finally
        {
            _lock.Release();
        }
    }
}
