using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Services.Observability;

/// <summary>
/// Feeds <see cref="TradingMetrics"/> by watching what the platform already says: order snapshots, fills, signals and bot
/// statuses on the bus (its own consumer group), and the latest portfolio snapshot in the store for the gauges.
/// </summary>
public sealed class MetricsObserverService(
    IMessageBus bus,
    ITradingStore store,
    TimeProvider time,
    ObservabilityOptions options,
    ILogger<MetricsObserverService> logger) : BackgroundService
{
    public const string ConsumerGroup = "metrics";

    private readonly BotRestartTracker _restarts = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        bus.SubscribeAsync(StreamNames.Orders, ConsumerGroup, (m, _) => Count(() =>
            TradingMetrics.Orders.Add(1, TradingMetrics.Tag("status", m.Deserialize<Order>().Status.ToString().ToLowerInvariant()))), stoppingToken),
        bus.SubscribeAsync(StreamNames.Fills, ConsumerGroup, (_, _) => Count(() => TradingMetrics.Fills.Add(1)), stoppingToken),
        bus.SubscribeAsync(StreamNames.Signals, ConsumerGroup, (m, _) => Count(() =>
            TradingMetrics.Signals.Add(1, TradingMetrics.Tag("strategy", m.Deserialize<Signal>().Strategy))), stoppingToken),
        bus.SubscribeAsync(StreamNames.BotStatus, ConsumerGroup, (m, _) => Count(() =>
        {
            if (_restarts.IsRestart(m.Deserialize<BotStatusMessage>())) TradingMetrics.BotRestarts.Add(1);
        }), stoppingToken),
        PollPortfolioAsync(stoppingToken));

    private static ValueTask Count(Action count)
    {
        count();
        return ValueTask.CompletedTask;
    }

    private async Task PollPortfolioAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                if (await LatestSnapshotAsync(store.Portfolio, time, ct) is { } latest) TradingMetrics.SetPortfolio(latest);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Portfolio gauges not refreshed: {Error}", e.Message);
            }
        }
        while (await WaitAsync(timer, ct));
    }

    /// <summary>The newest snapshot of the last day, or null when none was stored.</summary>
    public static async Task<PortfolioSnapshot?> LatestSnapshotAsync(IPortfolioStore portfolio, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var snapshots = await portfolio.ListSnapshotsAsync(now.AddDays(-1), now.AddMinutes(1), ct);
        return snapshots.Where(s => s.BotId is null).MaxBy(s => s.Time) ?? snapshots.MaxBy(s => s.Time);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
