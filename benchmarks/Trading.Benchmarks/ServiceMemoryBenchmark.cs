using System.Globalization;
using Trading.Binance.Simulator;
using Trading.Services.Bots;
using Trading.TestInfrastructure;

namespace Trading.Benchmarks;

/// <summary>
/// Memory of <c>trading service run</c> (the embedded platform: SQLite, in-process bus, REST API) with one bot running:
/// an <c>rsi</c> bot on BTCUSDT 1m against the Binance simulator replaying generated candles at 600× (a bar every 100 ms).
/// Samples VmRSS from /proc every second once the bot runs and reports the median and last VmRSS and the peak (VmHWM).
/// The service gets the gen0 budget the platform's launcher and image give it (<see cref="TradingCommand.Gen0Budget"/>);
/// <c>--runtime-gen0</c> leaves the runtime's own, sized from the L3 cache. Every 10 s it prints VmRSS split into anonymous
/// memory (GC heap, native allocations), mapped files (assemblies, native libraries) and shared memory (JIT code).
/// Options: --seconds N (default 60), --rounds R (default 3), --runtime-gen0.
/// </summary>
public static class ServiceMemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Int(args, "--seconds", 60);
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var gen0 = args.Contains("--runtime-gen0") ? null : TradingCommand.Gen0Budget;
        Console.WriteLine($"{TradingCommand.Gen0BudgetVariable}={gen0 ?? "(runtime default)"}; load {RedisBusBenchmark.LoadAverage()}");
        var peaks = new List<long>();
        for (var round = 1; round <= rounds; round++)
        {
            var (median, last, peak) = await RoundAsync(seconds, gen0);
            peaks.Add(peak);
            Console.WriteLine($"round {round}: VmRSS median {median / 1024.0:F1} MB, last {last / 1024.0:F1} MB, VmHWM {peak / 1024.0:F1} MB   load {RedisBusBenchmark.LoadAverage()}");
        }
        Console.WriteLine($"median VmHWM over {rounds} rounds: {peaks.Order().ElementAt(peaks.Count / 2) / 1024.0:F1} MB");
        return 0;
    }

    private static async Task<(long Median, long Last, long Peak)> RoundAsync(int seconds, string? gen0)
    {
        var candles = TestCandles.Generate(100_000);
        await using var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 600 });
        await simulator.StartAsync();
        using var dir = new TempDirectory();
        dir.Write("config/symbols.yaml", "symbols:\n  - { symbol: BTCUSDT, timeframes: [1m] }\n");
        dir.Write("config/strategies.yaml", "strategies:\n  - { name: rsi, symbols: [BTCUSDT], timeframe: 1m, parameters: { period: 14 } }\n");
        var environment = new Dictionary<string, string?>
        {
            ["TRADING_DATA_DIR"] = Path.Combine(dir.Path, "data"), ["TRADING_CONFIG_DIR"] = Path.Combine(dir.Path, "config"),
            ["TRADING_API_PORT"] = "0", ["LOG_LEVEL"] = "Warning", [TradingCommand.Gen0BudgetVariable] = gen0,
            ["BINANCE_BASE_URL"] = simulator.BaseUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_URL"] = simulator.WebSocketUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_API_URL"] = simulator.WebSocketApiUrl.ToString().TrimEnd('/'),
        };
        await using var service = CliProcess.Start(["service", "run"], environment, dir.Path);
        var samples = new List<long>();
        for (var second = 0; second < seconds && !service.HasExited; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            samples.Add(Status(service.Pid, "VmRSS"));
            if ((second + 1) % 10 == 0)
                Console.WriteLine($"  {second + 1,4} s: VmRSS {samples[^1] / 1024.0:F1} MB = anonymous {Status(service.Pid, "RssAnon") / 1024.0:F1}"
                    + $" + files {Status(service.Pid, "RssFile") / 1024.0:F1} + shared {Status(service.Pid, "RssShmem") / 1024.0:F1} MB");
        }
        if (service.HasExited) throw new InvalidOperationException($"service run exited early:\n{service.Error}");
        var peak = Status(service.Pid, "VmHWM");
        await service.TerminateAsync(CancellationToken.None);
        return (samples.Order().ElementAt(samples.Count / 2), samples[^1], peak);
    }

    /// <summary>A /proc/PID/status field in kB.</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
