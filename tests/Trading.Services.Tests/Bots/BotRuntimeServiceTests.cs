using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Bots;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Bots;

public sealed class BotRuntimeServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly InProcessMessageBus _bus = new();
    private readonly Lifetime _lifetime = new();
    private readonly BotDefinition _bot = new() { Id = "btc-rsi", Strategy = "rsi", Symbols = ["BTCUSDT"], Timeframe = "1m" };
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private BotRuntimeService CreateService(bool startedBySupervisor = false) =>
        new(new BotRuntimeOptions { Bot = _bot, Mode = "paper", StartedBySupervisor = startedBySupervisor }, _store, _bus, _clock, _lifetime,
            NullLogger<BotRuntimeService>.Instance);

    [Fact]
    public async Task StartAsync_RecordsTheBotRunningWithThisProcessAndSavesItForTheEngine()
    {
        using var service = CreateService();

        await service.StartAsync(Ct);

        var runtime = (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull();
        runtime.Status.ShouldBe(BotRuntimeState.Running);
        runtime.Pid.ShouldBe(Environment.ProcessId);
        runtime.Mode.ShouldBe("paper");
        runtime.StartedAt.ShouldBe(_clock.GetUtcNow());
        (await _store.Bots.GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Running);
        await service.StopAsync(Ct);
    }

    [Fact]
    public async Task Heartbeat_StopRequestedFromAnotherProcess_StopsTheHostAndRecordsStoppedWithTheReason()
    {
        using var service = CreateService();
        await service.StartAsync(Ct);
        var runtimes = new BotRuntimeStore(_store);
        await _bus.PublishAsync(StreamNames.Signals, MessageEnvelope.Create("signal", new Signal
        {
            Id = "btc-rsi:BTCUSDT:1m:0:BUY", Strategy = "rsi", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Price = 42_000.5m,
            CreatedAt = _clock.GetUtcNow(), BotId = "btc-rsi",
        }, _clock.GetUtcNow()), Ct);
        await TestWait.UntilAsync(async () => (await runtimes.GetAsync("btc-rsi", Ct))?.LastSignal is not null, Timeout, Ct);

        await runtimes.RequestStopAsync("btc-rsi", "operator asked", Ct);
        await TestWait.UntilAsync(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            return _lifetime.StopRequested;
        }, Timeout, Ct);
        await service.StopAsync(Ct);

        var runtime = (await runtimes.GetAsync("btc-rsi", Ct)).ShouldNotBeNull();
        runtime.Status.ShouldBe(BotRuntimeState.Stopped);
        runtime.StopReason.ShouldBe("operator asked");
        runtime.LastSignal.ShouldBe("Buy BTCUSDT @ 42000.5");
        (await runtimes.GetStopRequestAsync("btc-rsi", Ct)).ShouldBeNull();
        (await _store.Bots.GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Stopped);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task StartAsync_StopRequestedBeforeTheProcessStarted_HonouredOnlyWhenTheSupervisorStartedIt(bool startedBySupervisor, bool stops)
    {
        var runtimes = new BotRuntimeStore(_store);
        await runtimes.RequestStopAsync("btc-rsi", "asked while it was starting", Ct);
        using var service = CreateService(startedBySupervisor);

        await service.StartAsync(Ct);
        var started = _clock.GetUtcNow();
        // Ticks until the bot stops or has written two heartbeats, either of which shows whether it saw the request.
        await TestWait.UntilAsync(async () =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            return _lifetime.StopRequested || (await runtimes.GetAsync("btc-rsi", Ct))!.Heartbeat >= started.AddSeconds(2);
        }, Timeout, Ct);
        await service.StopAsync(Ct);

        _lifetime.StopRequested.ShouldBe(stops);
        (await runtimes.GetAsync("btc-rsi", Ct))!.StopReason.ShouldBe(stops ? "asked while it was starting" : "process stopped (Ctrl+C or SIGTERM)");
    }

    [Fact]
    public async Task StopAsync_BotFaultedByTheEngine_KeepsTheFault()
    {
        using var service = CreateService();
        await service.StartAsync(Ct);
        await _store.Bots.SaveAsync(_bot with { Status = BotStatuses.Faulted }, Ct);

        await service.StopAsync(Ct);

        (await _store.Bots.GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Faulted);
        (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotRuntimeState.Stopped);
    }

    [Fact]
    public async Task OnOrder_RejectedOrderOfTheBot_LastOrderShowsTheExchangeReason()
    {
        using var service = CreateService();
        await service.StartAsync(Ct);
        var now = _clock.GetUtcNow();
        var created = new Order
        {
            Id = "o-1", ClientOrderId = "o-1", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.01m,
            CreatedAt = now, UpdatedAt = now, BotId = "btc-rsi",
        };
        var submitted = Core.Execution.OrderStateMachine.Submit(created, now);
        await _store.Orders.SaveAsync(submitted.Order, submitted.Event, Ct);
        var rejected = Core.Execution.OrderStateMachine.Reject(submitted.Order, now, "Account has insufficient balance for requested action. (code -2010)");
        await _store.Orders.SaveAsync(rejected.Order, rejected.Event, Ct);

        await _bus.PublishAsync(StreamNames.Orders, Services.Execution.ExecutionMessages.Order(rejected.Order, now), Ct);
        var runtimes = new BotRuntimeStore(_store);
        await TestWait.UntilAsync(async () => (await runtimes.GetAsync("btc-rsi", Ct))?.LastOrder is not null, Timeout, Ct);
        await service.StopAsync(Ct);

        (await runtimes.GetAsync("btc-rsi", Ct))!.LastOrder.ShouldBe("Buy 0.01 BTCUSDT Rejected: Account has insufficient balance for requested action. (code -2010)");
    }

    [Fact]
    public void IsLost_RunningWithAnOldHeartbeat_True()
    {
        var now = _clock.GetUtcNow();
        var runtime = new BotRuntimeState { BotId = "b", Strategy = "rsi", Mode = "paper", Host = "h", Heartbeat = now.AddSeconds(-11) };

        runtime.IsLost(now, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        (runtime with { Heartbeat = now.AddSeconds(-9) }).IsLost(now, TimeSpan.FromSeconds(10)).ShouldBeFalse();
        (runtime with { Status = BotRuntimeState.Stopped }).IsLost(now, TimeSpan.FromSeconds(10)).ShouldBeFalse();
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public volatile bool StopRequested;

        public void StopApplication() => StopRequested = true;
    }
}
