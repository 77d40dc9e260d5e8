using System.Globalization;
using Trading.Binance.Simulator;
using Trading.Services.Bots;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands;

/// <summary>
/// What the tests that run `trading` processes against the Binance simulator share: a temporary directory (data in
/// <c>data/</c>), the simulator replaying generated candles, its environment, and a SIGKILL that waits for the death.
/// </summary>
public abstract class SimulatorCliTest(int candles = 200, double speed = 0) : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    protected TempDirectory Dir { get; } = new();

    protected BinanceSimulator Simulator { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string DataDir => Path.Combine(Dir.Path, "data");

    protected Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(Simulator, configDir: null, logLevel: "Information"))
    {
        ["TRADING_DATA_DIR"] = DataDir, ["TRADING_API_PORT"] = "0",
    };

    public async ValueTask InitializeAsync()
    {
        var generated = TestCandles.Generate(candles);
        Simulator = new BinanceSimulator(new SimulatedMarket().Add(generated, generated[0].OpenTimeMs), new SimulatorOptions { Speed = speed });
        await Simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>kill -9 <paramref name="pid"/>, then waits until the process is gone.</summary>
    internal static async Task KillAsync(int pid)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync(Ct);
        await TestWait.UntilAsync(() => !BotProcessProbe.IsAlive(pid, DateTimeOffset.UtcNow), Timeout, Ct);
    }
}
