using Shouldly;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>One process per service on a store: a second bot supervisor is refused with one error line naming the holder; a holder killed with SIGKILL frees its place.</summary>
public sealed class ServiceSingletonTests : SimulatorCliTest
{
    [Fact]
    public async Task Run_SecondSupervisorOnTheSameStore_RefusedWithOneLineUntilTheFirstIsKilled()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        await using var first = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, Dir.Path);
        await WaitRunningAsync(store, first);

        var second = await CliProcess.RunAsync(["service", "run", "--name", "bot-supervisor"], Environment, Dir.Path, Ct);
        var embedded = await CliProcess.RunAsync(["service", "run"], Environment, Dir.Path, Ct);
        await KillAsync(first.Pid);
        await using var third = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, Dir.Path);
        await WaitRunningAsync(store, third);
        await third.TerminateAsync(Ct);

        var holder = $"error: bot-supervisor is already running on this store (pid {first.Pid} on {System.Environment.MachineName}, as bot-supervisor,";
        second.ExitCode.ShouldBe(1);
        second.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith(holder);
        embedded.ExitCode.ShouldBe(1);
        embedded.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith(holder);
        (await third.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, third.Error);
    }

    private static async Task WaitRunningAsync(Core.Storage.ITradingStore store, RunningCli service)
    {
        await RunningCliWait.WhileRunningAsync(async () =>
        {
            return await new ServiceStateStore(store.SystemState).GetAsync("bot-supervisor", Ct) is { State: ServiceState.Running } state && state.Pid == service.Pid;
        }, Timeout, Ct, service);
    }
}
