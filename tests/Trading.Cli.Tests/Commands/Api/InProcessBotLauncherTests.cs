using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Services.Bots;
using Trading.Storage;
using Trading.Cli.Tests.Commands;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Api;

/// <summary>
/// A bot started through the API runs inside the platform's process; when that process dies (kill -9), the next platform
/// start restores the bot as its own `trade start` process from the arguments it recorded.
/// </summary>
public sealed partial class InProcessBotLauncherTests : IAsyncLifetime
{
    private const string Key = "launcher-test-key-0123456789";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(3000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 600 });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(_simulator, configDir: null, logLevel: "Information"))
    {
        ["TRADING_DATA_DIR"] = DataDir,
        ["TRADING_MODE"] = "paper",
        ["DRY_RUN"] = "false",
        ["TRADING_API_KEY"] = Key,
        ["TRADING_API_PORT"] = "0",
    };

    [Fact]
    public async Task ApiStartedBot_PlatformKilled_NextStartRestoresItAsItsOwnProcess()
    {
        int firstPid;
        await using (var first = CliProcess.Start(["service", "run"], Environment, _dir.Path))
        {
            using var api = await ApiClientAsync(first);
            using var started = await api.PostAsJsonAsync("/bots", new { strategy = "rsi", symbols = new[] { "BTCUSDT" }, id = "api-restore",
                parameters = new Dictionary<string, string> { ["period"] = "3", ["quantity"] = "0.001" } }, Ct);
            ((int)started.StatusCode).ShouldBeInRange(200, 299, await started.Content.ReadAsStringAsync(Ct));
            var recorded = await WaitForRuntimeAsync(first, r => r.IsRunning);
            recorded.Pid.ShouldBe(first.Pid);
            recorded.Arguments.ShouldBe(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "1m", "--name", "api-restore",
                "--mode", "paper", "--param", "period=3", "--param", "quantity=0.001"]);
            firstPid = first.Pid;
            Process.GetProcessById(firstPid).Kill();
            await first.WaitForExitAsync(Timeout, Ct);
        }

        await using var second = CliProcess.Start(["service", "run"], Environment, _dir.Path);
        var restored = await WaitForRuntimeAsync(second, r => r.IsRunning && r.Pid != firstPid && r.Pid != second.Pid);
        try
        {
            Process.GetProcessById(restored.Pid).HasExited.ShouldBeFalse();
            second.Error.ShouldContain("restored at platform start");
        }
        finally
        {
            var stop = await CliProcess.RunAsync(["trade", "stop", "--bot", "api-restore"], Environment, _dir.Path, Ct);
            stop.ExitCode.ShouldBe(0, $"{stop.Error}\nbot log:\n{BotLog()}");
        }
    }

    private string BotLog() =>
        Directory.EnumerateFiles(_dir.Path, "bot-api-restore.log", SearchOption.AllDirectories).Select(File.ReadAllText).FirstOrDefault() ?? "(none)";

    private async Task<HttpClient> ApiClientAsync(RunningCli platform)
    {
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(ListeningUrl().IsMatch(platform.Error)), Timeout, Ct, platform);
        var client = new HttpClient { BaseAddress = new Uri(ListeningUrl().Match(platform.Error).Groups[1].Value) };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    private async Task<BotRuntimeState> WaitForRuntimeAsync(RunningCli platform, Func<BotRuntimeState, bool> wanted)
    {
        await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
        var runtimes = new BotRuntimeStore(store);
        BotRuntimeState? state = null;
        await RunningCliWait.WhileRunningAsync(async () => (state = await runtimes.GetAsync("api-restore", Ct)) is { } s && wanted(s), Timeout, Ct, platform);
        return state!;
    }

    [GeneratedRegex(@"API and dashboard on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningUrl();
}
