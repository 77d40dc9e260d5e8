using Shouldly;
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
public sealed class SupervisorCrashTests() : SimulatorCliTest(candles: 2000, speed: 60)
{
    [Fact]
    public async Task Supervisor_BotKilledFourTimesWithinAnHour_RestartedThreeTimesThenFailed()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        var runtimes = new BotRuntimeStore(store);
        // The supervisor runs before the bot exists, so its first pass (which restores bots found dead instead of counting a
        // crash) is over, with nothing to restore, long before the bot's process has started and is killed.
        await using var supervisor = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, Dir.Path);
        await RunningCliWait.WhileRunningAsync(async () => await new ServiceStateStore(store.SystemState).GetAsync("bot-supervisor", Ct) is { State: ServiceState.Running },
            Timeout, Ct, supervisor);
        await using var bot = CliProcess.Start(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "crashy"], Environment, Dir.Path);
        await RunningCliWait.WhileRunningAsync(async () => await runtimes.GetAsync("crashy", Ct) is { IsRunning: true } r && r.Pid == bot.Pid, Timeout, Ct, bot, supervisor);

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
}
