using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Bots;
using Trading.Services.Execution;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Bots;

/// <summary>
/// The supervisor against real processes of this host: a bot's process is a real child that the test kills with SIGKILL,
/// and the supervisor sees it by pid. The clock is manual, so "four crashes in an hour" takes no hour.
/// </summary>
public sealed class BotSupervisorTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly InProcessMessageBus _bus = new();
    private readonly SleepLauncher _launcher = new();
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);

    public async ValueTask DisposeAsync()
    {
        _launcher.Dispose();
        await _bus.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private BotSupervisor CreateSupervisor() =>
        new(_store, _bus, _launcher, new BotSupervisorOptions(), _clock, NullLogger<BotSupervisor>.Instance);

    [Fact]
    public async Task CheckOnce_FourCrashesWithinAnHour_RestartsThreeTimesThenFailsWithAnAlert()
    {
        var supervisor = CreateSupervisor();
        await RecordRunningAsync("btc-rsi", _launcher.Launch(null!));
        await supervisor.CheckOnceAsync(Ct);
        _launcher.Started.Count.ShouldBe(1);

        for (var crash = 1; crash <= 3; crash++)
        {
            _launcher.KillNewest();
            _clock.Advance(TimeSpan.FromMinutes(10));
            await supervisor.CheckOnceAsync(Ct);
            _launcher.Started.Count.ShouldBe(crash + 1);
            var runtime = (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull();
            (runtime.Status, runtime.Pid).ShouldBe((BotRuntimeState.Running, _launcher.Started[^1].Id));
            runtime.Arguments.ShouldBe(["trade", "start", "--bot", "btc-rsi"]);
        }
        _launcher.KillNewest();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await supervisor.CheckOnceAsync(Ct);

        _launcher.Started.Count.ShouldBe(4);
        var failed = (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull();
        failed.Status.ShouldBe(BotRuntimeState.Failed);
        failed.StopReason.ShouldStartWith("crashed 4 times within 60 min");
        (await _store.Bots.GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Stopped);
        var alert = await FirstAsync(StreamNames.SystemEvents);
        alert.Deserialize<SystemEvent>().ShouldBe(new SystemEvent(BotSupervisor.FailedEventKind, $"bot btc-rsi failed: {failed.StopReason}"));
        await supervisor.CheckOnceAsync(Ct);
        _launcher.Started.Count.ShouldBe(4);
    }

    [Fact]
    public async Task CheckOnce_CrashesSpreadOverMoreThanAnHour_KeepsRestarting()
    {
        var supervisor = CreateSupervisor();
        await RecordRunningAsync("btc-rsi", _launcher.Launch(null!));
        await supervisor.CheckOnceAsync(Ct);

        for (var crash = 1; crash <= 5; crash++)
        {
            _launcher.KillNewest();
            _clock.Advance(TimeSpan.FromMinutes(25));
            await supervisor.CheckOnceAsync(Ct);
        }

        _launcher.Started.Count.ShouldBe(6);
        (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotRuntimeState.Running);
    }

    [Fact]
    public async Task CheckOnce_AtStartBotWasRunningAndItsProcessIsGone_RestoresItWithoutCountingACrash()
    {
        var dead = _launcher.Launch(null!);
        await RecordRunningAsync("btc-rsi", dead);
        _launcher.KillNewest();
        await RecordRunningAsync("eth-rsi", _launcher.Launch(null!));
        var supervisor = CreateSupervisor();

        await supervisor.CheckOnceAsync(Ct);

        _launcher.Started.Count.ShouldBe(3);
        (await new BotRuntimeStore(_store).GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Pid.ShouldBe(_launcher.Started[^1].Id);
        (await new BotRestartHistory(_store.SystemState).LoadAsync("btc-rsi", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CheckOnce_BotStoppedCleanly_IsLeftAlone()
    {
        var pid = _launcher.Launch(null!);
        await RecordRunningAsync("btc-rsi", pid);
        var runtimes = new BotRuntimeStore(_store);
        await runtimes.MarkStoppedAsync((await runtimes.GetAsync("btc-rsi", Ct))!, "trade stop", _clock.GetUtcNow(), Ct);
        _launcher.KillNewest();

        await CreateSupervisor().CheckOnceAsync(Ct);

        _launcher.Started.Count.ShouldBe(1);
        (await runtimes.GetAsync("btc-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotRuntimeState.Stopped);
    }

    [Fact]
    public async Task CheckOnce_ProcessGoneWithAStopRequestPending_MarkedStoppedNotStartedAgain()
    {
        await RecordRunningAsync("btc-rsi", _launcher.Launch(null!));
        var supervisor = CreateSupervisor();
        await supervisor.CheckOnceAsync(Ct);
        var runtimes = new BotRuntimeStore(_store);
        await runtimes.RequestStopAsync("btc-rsi", "trade stop", Ct);
        _launcher.KillNewest();

        await supervisor.CheckOnceAsync(Ct);

        _launcher.Started.Count.ShouldBe(1);
        var stopped = (await runtimes.GetAsync("btc-rsi", Ct)).ShouldNotBeNull();
        stopped.Status.ShouldBe(BotRuntimeState.Stopped);
        stopped.StopReason.ShouldStartWith("stopped as requested (trade stop)");
        (await runtimes.GetStopRequestAsync("btc-rsi", Ct)).ShouldBeNull();
    }

    private async Task RecordRunningAsync(string id, int pid)
    {
        var bot = new BotDefinition { Id = id, Strategy = "rsi", Symbols = ["BTCUSDT"], Timeframe = "1m", Status = BotStatuses.Running };
        await _store.Bots.SaveAsync(bot, Ct);
        var now = _clock.GetUtcNow();
        await new BotRuntimeStore(_store).SaveAsync(new BotRuntimeState
        {
            BotId = id, Strategy = "rsi", Symbols = ["BTCUSDT"], Mode = "paper", Host = Environment.MachineName, Pid = pid, StartedAt = now,
            Heartbeat = now, Arguments = ["trade", "start", "--bot", id],
        }, Ct);
    }

    private async Task<MessageEnvelope> FirstAsync(string stream)
    {
        var received = new TaskCompletionSource<MessageEnvelope>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var subscription = _bus.SubscribeAsync(stream, "test", (m, _) =>
        {
            received.TrySetResult(m);
            return ValueTask.CompletedTask;
        }, stop.Token);
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await stop.CancelAsync();
        await subscription.ContinueWith(_ => { }, TaskScheduler.Default);
        return message;
    }

    /// <summary>Each "bot process" is a real `sleep` child; a crash is SIGKILL.</summary>
    private sealed class SleepLauncher : IBotLauncher, IDisposable
    {
        public List<Process> Started { get; } = [];

        public int Launch(BotRuntimeState bot)
        {
            var process = Process.Start(new ProcessStartInfo("sleep", ["600"]) { UseShellExecute = false })!;
            Started.Add(process);
            return process.Id;
        }

        public void KillNewest()
        {
            Started[^1].Kill();
            Started[^1].WaitForExit();
        }

        public void Dispose()
        {
            foreach (var process in Started)
            {
                if (!process.HasExited) process.Kill();
                process.Dispose();
            }
        }
    }
}
