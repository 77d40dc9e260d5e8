using System.Diagnostics;
using System.Reflection;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.TestInfrastructure;
using Xunit;

namespace Trading.Binance.Simulator.Tests.Ccxt;

/// <summary>
/// ccxt 4.5.84 (npm, installed by this project's build) driven by node against the simulator on loopback
/// (ccxt-conformance.cjs): every call ccxt makes on Binance spot answers as Binance does, and each error maps to the
/// exception class ccxt raises on Binance. The script prints a line per call; each one is checked here.
/// </summary>
public sealed class CcxtConformanceTests
{
    /// <summary>The core calls and the "protective" group (editOrder through order/cancelReplace, a stop-loss limit createOrder).</summary>
    private const string Groups = "core,protective";

    private const int OrdersPer10Seconds = 20;

    /// <summary>A hung node is killed (each call has its own 30 s limit in the script).</summary>
    private static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(4);

    private static readonly string[] ExpectedCalls =
    [
        "loadMarkets", "fetchTime", "fetchOHLCV 1m", "fetchOHLCV 1h", "fetchTicker", "fetchOrderBook", "fetchTrades", "fetchBalance",
        "createOrder market", "createOrder market by cost", "createOrder limit", "createOrder post-only", "fetchOrder", "fetchOpenOrders",
        "cancelOrder", "editOrder", "createOrder stop-loss limit", "cancelAllOrders", "fetchClosedOrders", "fetchMyTrades since limit", "watchOHLCV", "watchTrades",
        "error AuthenticationError wrong secret", "error AuthenticationError unknown API key", "error InsufficientFunds buy beyond the balance",
        "error InvalidOrder quantity off the step", "error InvalidOrder post-only that would take", "error OrderNotFound fetch an unknown order",
        "error OrderNotFound cancel an unknown order", "error InvalidNonce timestamp ahead of the server", "error DDoSProtection IP banned (418)",
        "error DDoSProtection still banned within Retry-After", "error DDoSProtection request weight exceeded (429 -1003)",
        "error DDoSProtection order count exceeded (429 -1015)", "fetchTime after the ban window cleared",
    ];

    [Fact]
    public async Task CcxtSuite_AgainstTheSimulator_EveryCallPassesAsOnBinance()
    {
        // 14 hours of history (five whole 1h bars to resample), then bars replayed 300x faster than real time for the watch calls.
        var candles = TestCandles.Generate(1440);
        var options = new SimulatorOptions { Speed = 300, Trading = new SimulatorTradingOptions { OrdersPer10Seconds = OrdersPer10Seconds } };
        await using var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[840].OpenTimeMs), options);
        await simulator.StartAsync(TestContext.Current.CancellationToken);

        var (exitCode, lines) = await RunNodeAsync(
            [ScriptPath, simulator.BaseUrl.ToString().TrimEnd('/'), simulator.WebSocketUrl.ToString().TrimEnd('/'), $"{2 * OrdersPer10Seconds + 1}", Groups]);

        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        await File.WriteAllLinesAsync(ReportPath, lines, TestContext.Current.CancellationToken);
        foreach (var call in ExpectedCalls) lines.ShouldContain(l => l.StartsWith($"ok {call}", StringComparison.Ordinal), $"no ok line for {call}:\n{string.Join('\n', lines)}");
        lines.ShouldNotContain(l => l.StartsWith("FAIL", StringComparison.Ordinal), string.Join('\n', lines));
        lines.ShouldContain("ccxt conformance: all calls passed");
        exitCode.ShouldBe(0);
    }

    /// <summary>The line per call, which scripts/test.sh prints after the run.</summary>
    private static string ReportPath => Path.Combine(RepoPaths.Root, "artifacts", "ccxt-conformance.txt");

    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Ccxt", "ccxt-conformance.cjs");

    private static string NodeModules => typeof(CcxtConformanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CcxtNodeModules").Value!;

    private static async Task<(int ExitCode, List<string> Lines)> RunNodeAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["NODE_PATH"] = NodeModules;
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(SuiteTimeout);
        await using var kill = timeout.Token.Register(() => process.Kill(entireProcessTree: true));
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        await process.WaitForExitAsync(CancellationToken.None);
        var stderr = await errors;
        if (stderr.Length > 0) TestContext.Current.TestOutputHelper?.WriteLine(stderr);
        return (process.ExitCode, lines);
    }
}
