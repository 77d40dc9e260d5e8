using System.Globalization;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Storage;
using Trading.Services.Bots;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// The bot supervisor across processes: a `trade start` bot is killed with SIGKILL; the supervisor (`service run --name
/// bot-supervisor`, another process) sees it by its pid and starts it again, three times; the fourth crash within the hour
/// marks it failed with the reason, and it is not started again.
/// </summary>
public sealed class SupervisorCrashTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(2000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 60 });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(_simulator, configDir: null))
    {
        ["TRADING_DATA_DIR"] = DataDir,
    };

    [Fact]
    public async Task Supervisor_BotKilledFourTimesWithinAnHour_RestartedThreeTimesThenFailed()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        var runtimes = new BotRuntimeStore(store);
        await using var bot = CliProcess.Start(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "crashy"], Environment, _dir.Path);
        await RunningCliWait.WhileRunningAsync(async () => await runtimes.GetAsync("crashy", Ct) is { IsRunning: true } r && r.Pid == bot.Pid, Timeout, Ct, bot);
        await using var supervisor = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, _dir.Path);
        await RunningCliWait.WhileRunningAsync(async () => await new ServiceStateStore(store.SystemState).GetAsync("bot-supervisor", Ct) is { State: ServiceState.Running },
            Timeout, Ct, supervisor);

        var pids = new List<int> { bot.Pid };
        for (var crash = 1; crash <= 3; crash++)
        {
            await KillAsync(pids[^1]);
            await RunningCliWait.WhileRunningAsync(async () => await runtimes.GetAsync("crashy", Ct) is { IsRunning: true } r && !pids.Contains(r.Pid)
                && BotProcessProbe.IsAlive(r.Pid, r.StartedAt), Timeout, Ct, supervisor);
            pids.Add((await runtimes.GetAsync("crashy", Ct))!.Pid);
        }
        await KillAsync(pids[^1]);
        await RunningCliWait.WhileRunningAsync(async () => await runtimes.GetAsync("crashy", Ct) is { Status: BotRuntimeState.Failed }, Timeout, Ct, supervisor);
        var failed = (await runtimes.GetAsync("crashy", Ct))!;
        await supervisor.TerminateAsync(Ct);
        var exited = await supervisor.WaitForExitAsync(Timeout, Ct);

        pids.Distinct().Count().ShouldBe(4);
        failed.StopReason.ShouldStartWith("crashed 4 times within 60 min");
        failed.Pid.ShouldBe(pids[^1]);
        pids.ShouldAllBe(pid => !BotProcessProbe.IsAlive(pid, DateTimeOffset.UtcNow));
        (await store.Bots.GetAsync("crashy", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Stopped);
        exited.ExitCode.ShouldBe(0, exited.Error);
        exited.Error.ShouldContain("crashy");
    }

    private static async Task KillAsync(int pid)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync(Ct);
        await TestWait.UntilAsync(() => !BotProcessProbe.IsAlive(pid, DateTimeOffset.UtcNow), Timeout, Ct);
    }
}
