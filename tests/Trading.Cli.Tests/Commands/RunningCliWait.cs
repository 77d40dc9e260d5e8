using Shouldly;
using Trading.Binance.Simulator;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands;

/// <summary>What the tests that run a bot or the service against the Binance simulator share: its environment and the wait.</summary>
internal static class RunningCliWait
{
    /// <summary>The simulator's REST, stream and WebSocket API URLs, the config directory (when given) and the log level.</summary>
    public static Dictionary<string, string?> SimulatorEnvironment(BinanceSimulator simulator, string? configDir, string logLevel = "Warning")
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var environment = new Dictionary<string, string?>
        {
            ["BINANCE_BASE_URL"] = simulator.BaseUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_URL"] = simulator.WebSocketUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_API_URL"] = simulator.WebSocketApiUrl.ToString().TrimEnd('/'),
            ["LOG_LEVEL"] = logLevel,
        };
        if (configDir is not null) environment["TRADING_CONFIG_DIR"] = configDir;
        return environment;
    }

    /// <summary>
    /// Polls <paramref name="condition"/> while every process runs; a process that exits, or a timeout, fails with the
    /// processes' output.
    /// </summary>
    public static async Task WhileRunningAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken ct, params RunningCli[] processes)
    {
        try
        {
            await TestWait.UntilAsync(async () => processes.Any(p => p.HasExited) || await condition(), timeout, ct);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{string.Join("\n", processes.Select(p => $"stdout:\n{p.Output}\nstderr:\n{p.Error}"))}", e);
        }
        foreach (var process in processes) process.HasExited.ShouldBeFalse($"a process exited early:\n{process.Output}\n{process.Error}");
    }
}
