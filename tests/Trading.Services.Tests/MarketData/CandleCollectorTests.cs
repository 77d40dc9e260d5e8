using Shouldly;
using Trading.Binance.Simulator;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.MarketData;

public sealed class CandleCollectorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_TwoDropsAndA429MidRun_StoresEveryServedCandleExactlyOnceInOrder()
    {
        await using var harness = new CollectorHarness(bars: 700, historyBars: 250);
        harness.Simulator.Faults.ScheduleAtBar(330, new StreamFault(StreamFaultKind.Drop, BarsWhileDisconnected: 9, ThenHttp: HttpFault.RateLimited(1)));
        harness.Simulator.Faults.ScheduleAtBar(480, new StreamFault(StreamFaultKind.Drop, BarsWhileDisconnected: 4));
        await harness.StartAsync(Ct);

        await harness.AllPublishedAsync(Timeout, Ct);

        var stored = await harness.ReadStoreAsync(Ct);
        stored.ShouldBe(harness.Candles, "every candle the simulator served, once, in order");
        harness.Published.ToList().ShouldBe(harness.Candles, "each closed candle is published once, in order");
        harness.Simulator.TotalStreamConnections.ShouldBe(3);
        harness.Simulator.Requests.All.Select(r => r.Status).ShouldContain(429);
        harness.Simulator.Requests.All.ShouldAllBe(r => r.Status == 200 || r.Status == 429);
        harness.HealthChanges.ToList().ShouldBe([true, false, true, false, true]);
        harness.Health.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_MalformedFrames_AreSkippedWithoutLosingLaterCandlesOrReconnecting()
    {
        await using var harness = new CollectorHarness(bars: 200, historyBars: 50);
        harness.Simulator.Faults.ScheduleAtBar(60, new StreamFault(StreamFaultKind.Malformed));
        harness.Simulator.Faults.ScheduleAtBar(61, new StreamFault(StreamFaultKind.Malformed));
        await harness.StartAsync(Ct);

        await harness.AllPublishedAsync(Timeout, Ct);

        (await harness.ReadStoreAsync(Ct)).ShouldBe(harness.Candles);
        harness.Collector.MalformedFrames.ShouldBe(2);
        harness.Simulator.TotalStreamConnections.ShouldBe(1);
        harness.HealthChanges.ToList().ShouldBe([true]);
    }

    [Fact]
    public async Task RunAsync_ServerShutdownEvent_ReconnectsAndKeepsTheSeriesWhole()
    {
        await using var harness = new CollectorHarness(bars: 200, historyBars: 50);
        harness.Simulator.Faults.ScheduleAtBar(100, new StreamFault(StreamFaultKind.ServerShutdown));
        await harness.StartAsync(Ct);

        await harness.AllPublishedAsync(Timeout, Ct);

        (await harness.ReadStoreAsync(Ct)).ShouldBe(harness.Candles);
        harness.Simulator.TotalStreamConnections.ShouldBe(2, harness.Log.ToString());
        harness.HealthChanges.ToList().ShouldBe([true, false, true]);
    }

    [Fact]
    public async Task RunAsync_OpenBars_ArePublishedOnTheOpenStreamButNeverStored()
    {
        await using var harness = new CollectorHarness(bars: 60, historyBars: 30);
        await harness.StartAsync(Ct);

        await harness.AllPublishedAsync(Timeout, Ct);

        (await harness.ReadStoreAsync(Ct)).ShouldBe(harness.Candles);
        var replayed = harness.Candles.Skip(30).Select(c => c.OpenTimeMs).ToList();
        await TestWait.UntilAsync(() => harness.OpenUpdates.Count >= replayed.Count, Timeout, Ct);
        harness.OpenUpdates.Select(c => c.OpenTimeMs).ShouldBe(replayed);
        harness.OpenUpdates.ShouldAllBe(c => c.Volume == 0);
    }

    [Fact]
    public async Task RunAsync_ConnectionReachesMaxAge_ReconnectsBeforeTheCutOff()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new CollectorHarness(bars: 100, historyBars: 50, collectorTime: time);
        await harness.StartAsync(Ct);
        await harness.AllPublishedAsync(Timeout, Ct);

        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Health.Changed += (_, connected) => { if (connected) reconnected.TrySetResult(); };
        time.Advance(TimeSpan.FromHours(23.5));
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct).ShouldCompleteAsync(harness.Log);

        harness.Simulator.TotalStreamConnections.ShouldBe(2, harness.Log.ToString());
        harness.HealthChanges.ToList().ShouldBe([true, false, true]);
        (await harness.ReadStoreAsync(Ct)).ShouldBe(harness.Candles);
    }
}
