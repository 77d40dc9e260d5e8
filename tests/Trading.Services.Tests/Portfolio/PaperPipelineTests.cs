using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.Services.Tests.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Portfolio;

/// <summary>Signals in on the bus → executor service (paper) → orders and fills → portfolio manager service → stored portfolio.</summary>
public sealed class PaperPipelineTests
{
    [Fact]
    public async Task Services_SignalsOnTheBus_EndInStoredPositionBalancesAndSnapshots()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 70_000m)], h.Token);
        var options = new ExecutionOptions { Mode = ExecutionMode.Paper };
        var log = new RecordingLogger<OrderExecutorService>();
        using var executorService = new OrderExecutorService(h.Settings, options, h.Store, h.Bus, h.Clock, log, h.Health);
        using var portfolioService = new PortfolioManagerService(h.Settings, options, h.Store, h.Bus, h.Clock, NullLogger<PortfolioManagerService>.Instance);
        await executorService.StartAsync(h.Token);
        await portfolioService.StartAsync(h.Token);
        await executorService.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);
        var tracker = await portfolioService.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);

        var signal = ExecutionHarness.BuySignal("bus-1", 70_000m);
        await h.Bus.PublishAsync(StreamNames.Signals, SignalMessages.Create(signal, h.Clock.GetUtcNow()), h.Token);
        await h.Bus.PublishAsync(StreamNames.Signals, SignalMessages.Create(signal, h.Clock.GetUtcNow()) with { Id = "redelivered" }, h.Token);
        await h.NextOrderAsync(OrderStatus.New);
        await h.PublishCandleAsync(ExecutionHarness.Bar(1, 70_200m));
        var fill = await h.NextAsync(h.Fills);
        await TestWait.UntilAsync(() => tracker.Account.Quantity(ExecutionHarness.Btc) == 0.01m, ExecutionHarness.Timeout, h.Token);
        await h.PublishCandleAsync(ExecutionHarness.Bar(2, 70_500m));
        await TestWait.UntilAsync(() => tracker.Account.TryGetLatestPrice(ExecutionHarness.Btc, out var p) && p == 70_500m, ExecutionHarness.Timeout, h.Token);

        await executorService.StopAsync(CancellationToken.None);
        await portfolioService.StopAsync(CancellationToken.None);
        (await h.Store.Orders.ListAsync(false, 10, h.Token)).ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Filled);
        (await h.Store.RiskDecisions.ListAsync("bus-1", null, 10, h.Token)).ShouldHaveSingleItem().Allowed.ShouldBeTrue();
        var position = (await h.Store.Portfolio.ListPositionsAsync(h.Token)).ShouldHaveSingleItem();
        position.Quantity.ShouldBe(0.01m);
        position.AverageEntryPrice.ShouldBe((fill.Notional + fill.Fee) / 0.01m);
        var balances = await h.Store.Portfolio.GetBalancesAsync(h.Token);
        balances["USDT"].Free.ShouldBe(10_000m - fill.Notional - fill.Fee);
        balances["BTC"].Free.ShouldBe(0.01m);
        var snapshots = await h.Store.Portfolio.ListSnapshotsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, h.Token);
        // One at start and one at stop (marked at the last candle): fills and candles write no snapshot in between.
        snapshots.Count.ShouldBe(2);
        snapshots[^1].Equity.ShouldBe(10_000m - fill.Notional - fill.Fee + 0.01m * 70_500m);
    }

    /// <summary>61 one-minute candles (the last closes an hour after the first): a snapshot at start, one per elapsed interval, one at stop.</summary>
    [Theory]
    [InlineData(15, 6)]
    [InlineData(60, 3)]
    [InlineData(0, 2)]
    public async Task Service_PortfolioSnapshotMinutes_SnapshotsAtThatIntervalWhileCandlesArrive(int minutes, int expected)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var options = new ExecutionOptions { Mode = ExecutionMode.Paper };
        using var service = new PortfolioManagerService(h.Settings with { PortfolioSnapshotMinutes = minutes }, options, h.Store, h.Bus, h.Clock,
            NullLogger<PortfolioManagerService>.Instance);
        await service.StartAsync(h.Token);
        var tracker = await service.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);

        for (var minute = 0; minute <= 60; minute++) await h.PublishCandleAsync(ExecutionHarness.Bar(minute, 70_000m + minute));
        await TestWait.UntilAsync(() => tracker.Account.TryGetLatestPrice(ExecutionHarness.Btc, out var p) && p == 70_060m, ExecutionHarness.Timeout, h.Token);
        await service.StopAsync(CancellationToken.None);

        (await SnapshotCountAsync(h)).ShouldBe(expected);
    }

    [Fact]
    public async Task Tracker_FillsAndCandlesWithinADay_WriteHoldingsButNoSnapshot()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var tracker = await MarkedTrackerAsync(h, 10_000m);
        var before = await SnapshotCountAsync(h);
        var fill = new Fill
        {
            Id = "t1", OrderId = "o1", Symbol = ExecutionHarness.Btc, Side = OrderSide.Buy, Price = 70_000m, Quantity = 0.01m,
            Fee = 0.7m, FeeAsset = "USDT", Time = ExecutionHarness.Bar(11, 70_000m).CloseTime,
        };

        (await tracker.OnFillAsync(fill, h.Token)).ShouldBeTrue();
        await tracker.OnCandleAsync(ExecutionHarness.Bar(12, 71_000m), h.Token);

        (await SnapshotCountAsync(h)).ShouldBe(before);
        (await h.Store.Portfolio.ListPositionsAsync(h.Token)).ShouldHaveSingleItem().Quantity.ShouldBe(0.01m);
        var balances = await h.Store.Portfolio.GetBalancesAsync(h.Token);
        balances["USDT"].Free.ShouldBe(10_000m - 700m - 0.7m);
        balances["BTC"].Free.ShouldBe(0.01m);
    }

    [Fact]
    public async Task Tracker_NewUtcDay_WritesADailySnapshot()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var tracker = await MarkedTrackerAsync(h, 1_000m);
        var before = await SnapshotCountAsync(h);

        await tracker.OnCandleAsync(ExecutionHarness.Bar(24 * 60 + 1, 70_000m), h.Token);

        (await SnapshotCountAsync(h)).ShouldBe(before + 1);
    }

    /// <summary>A tracker rebuilt from the harness's store and marked once at minute 10.</summary>
    private static async Task<PortfolioTracker> MarkedTrackerAsync(ExecutionHarness h, decimal initialQuote)
    {
        var tracker = new PortfolioTracker(h.Store, initialQuote);
        await tracker.InitializeAsync(h.Clock.GetUtcNow(), h.Token);
        await tracker.OnCandleAsync(ExecutionHarness.Bar(10, 70_000m), h.Token);
        return tracker;
    }

    private static async Task<int> SnapshotCountAsync(ExecutionHarness h) =>
        (await h.Store.Portfolio.ListSnapshotsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, h.Token)).Count;
}
