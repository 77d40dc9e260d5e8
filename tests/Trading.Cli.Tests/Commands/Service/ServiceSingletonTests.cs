using System.Globalization;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>One process per service on a store: a second bot supervisor is refused with one error line naming the holder; a holder killed with SIGKILL frees its place.</summary>
public sealed class ServiceSingletonTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(200);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions());
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(_simulator, configDir: null))
    {
        ["TRADING_DATA_DIR"] = DataDir, ["TRADING_API_PORT"] = "0",
    };

    [Fact]
    public async Task Run_SecondSupervisorOnTheSameStore_RefusedWithOneLineUntilTheFirstIsKilled()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        await using var first = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, _dir.Path);
        await WaitRunningAsync(store, first);

        var second = await CliProcess.RunAsync(["service", "run", "--name", "bot-supervisor"], Environment, _dir.Path, Ct);
        var embedded = await CliProcess.RunAsync(["service", "run"], Environment, _dir.Path, Ct);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", first.Pid.ToString(CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync(Ct);
        await TestWait.UntilAsync(() => first.HasExited, Timeout, Ct);
        await using var third = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Environment, _dir.Path);
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
