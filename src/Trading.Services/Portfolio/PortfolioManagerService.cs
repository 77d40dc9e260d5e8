using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Services.Portfolio;

/// <summary>
/// The portfolio manager: books fills and closed candles of the traded symbols into a <see cref="PortfolioTracker"/>,
/// which persists positions, balances and snapshots (a last one when it stops). Fills are booked from the store in booking
/// order: a message on <c>fills</c> wakes it, and so does a catch-up every <see cref="StoreCatchUpInterval"/>, which books a
/// fill an executor stored but was killed before publishing. One lock serialises both streams and the catch-up.
/// </summary>
public sealed class PortfolioManagerService(
    TradingSettings settings,
    ExecutionOptions options,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ILogger<PortfolioManagerService> logger,
    IExecutionVenue? exchangeVenue = null) : BackgroundService
{
    public const string ConsumerGroup = "portfolio-manager";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TaskCompletionSource<PortfolioTracker> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often balances are reconciled with the exchange in testnet/live mode (also once at start).</summary>
    public TimeSpan BalanceCheckInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a balance difference must persist before it is fixed (a fill may still be on its way).</summary>
    public TimeSpan BalanceSettleDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the stored fills are checked for one that was never published (also once at start).</summary>
    public TimeSpan StoreCatchUpInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Completes with the tracker once it is rebuilt from the store and subscribed.</summary>
    public Task<PortfolioTracker> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PortfolioTracker? tracker = null;
        try
        {
            tracker = new PortfolioTracker(store, options.InitialQuoteBalance, settings.PortfolioSnapshotInterval);
            await tracker.InitializeAsync(time.GetUtcNow(), stoppingToken);
            var symbols = SymbolDirectory.Offline(settings).Keys;
            var subscriptions = symbols
                .Select(symbol => bus.SubscribeAsync(StreamNames.Candles(symbol), ConsumerGroup,
                    (message, ct) => Locked(() => tracker.OnCandleAsync(message.Deserialize<CandleMessage>().ToCandle(), ct), ct), stoppingToken))
                .Append(bus.SubscribeAsync(StreamNames.Fills, ConsumerGroup,
                    (message, ct) => Locked(() => BookFillAsync(tracker, message.Deserialize<Fill>(), ct), ct), stoppingToken))
                .Append(CatchUpFromStoreAsync(tracker, stoppingToken))
                .ToArray();
            if (options.Mode is ExecutionMode.Testnet or ExecutionMode.Live && exchangeVenue?.Account is { } exchange)
                subscriptions = [.. subscriptions, CheckBalancesAsync(tracker, exchange, symbols, stoppingToken)];
            logger.LogInformation("Portfolio manager running: equity {Equity} {Quote}", tracker.Account.Equity, tracker.Account.QuoteAsset);
            _ready.TrySetResult(tracker);
            await Task.WhenAll(subscriptions);
            await SnapshotOnStopAsync(tracker);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
            await SnapshotOnStopAsync(tracker);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    /// <summary>Candles only mark the account in memory: the state at shutdown is kept as a last snapshot.</summary>
    private async Task SnapshotOnStopAsync(PortfolioTracker? tracker)
    {
        if (tracker is null || !_ready.Task.IsCompletedSuccessfully) return;
        await Locked(() => tracker.SnapshotNowAsync(CancellationToken.None), CancellationToken.None);
    }

    /// <summary>Reconciles balances with the exchange now and then every <see cref="BalanceCheckInterval"/>.</summary>
    private async Task CheckBalancesAsync(PortfolioTracker tracker, IVenueAccount venue, IEnumerable<Symbol> symbols, CancellationToken ct)
    {
        var check = new PortfolioBalanceCheck(venue, store, bus, time, logger) { SettleDelay = BalanceSettleDelay };
        while (!ct.IsCancellationRequested)
        {
            var fixes = await check.RunAsync(tracker, symbols, (action, token) => Locked(action, token), ct);
            BalancesChecked?.Invoke(fixes);
            await Task.Delay(BalanceCheckInterval, time, ct);
        }
    }

    /// <summary>Raised after a fill from <c>fills</c> was booked (tests await it instead of sleeping).</summary>
    public event Action<Fill>? FillBooked;

    /// <summary>Books the stored fills up to this one in booking order, then the message's fill itself if it was not stored.</summary>
    private async Task BookFillAsync(PortfolioTracker tracker, Fill fill, CancellationToken ct)
    {
        await BookStoredFillsAsync(tracker, ct);
        if (await tracker.OnFillAsync(fill, ct)) FillBooked?.Invoke(fill);
    }

    private async Task CatchUpFromStoreAsync(PortfolioTracker tracker, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(StoreCatchUpInterval, time, ct);
            await Locked(() => BookStoredFillsAsync(tracker, ct), ct);
        }
    }

    private async Task BookStoredFillsAsync(PortfolioTracker tracker, CancellationToken ct)
    {
        var booked = await tracker.CatchUpAsync((fill, problem) => logger.LogError("{Problem} ({Repair})",
            PortfolioReplay.Describe(fill, problem), PortfolioReplay.RepairHint), ct);
        foreach (var fill in booked) FillBooked?.Invoke(fill);
    }

    /// <summary>Raised after each balance check with the fixes it made (tests await it instead of sleeping).</summary>
    public event Action<IReadOnlyList<string>>? BalancesChecked;

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
