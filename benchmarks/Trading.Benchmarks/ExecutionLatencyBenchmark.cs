using System.Diagnostics;
using System.Globalization;

namespace Trading.Benchmarks;

/// <summary>
/// `execution-latency` suite: the Binance simulator streams closed 1m bars on its kline WebSocket, one bar at a time; the
/// collector stores and publishes each on the in-process bus; the strategy engine signals on every bar (buy, sell, buy…);
/// the order executor (testnet mode) sends POST /api/v3/order to the simulator over HTTP on 127.0.0.1. Latency is from
/// the collector's closed-candle handler (the bar handed to the store) to the simulator receiving the order request; the
/// wider span from the simulator starting to stream the bar is shown too. The next bar starts once the order has filled
/// and the pipeline has been idle for a moment, as between real candles. Usage: execution-latency [candles=5000] [--warm-up N] [--gap-ms N] [--breakdown].
/// </summary>
public static class ExecutionLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var warmUp = Option(args, "--warm-up", 300);
        var gapMs = Option(args, "--gap-ms", 3);
        var probes = new LatencyProbes();
        var breakdown = args.Contains("--breakdown");
        await using var pipeline = await LatencyPipeline.StartAsync(count + warmUp, probes, breakdown);

        var fromCollector = new List<double>(count);
        var fromSimulator = new List<double>(count);
        var missed = 0;
        List<double> toCandle = [], toSignal = [], toSubmitted = [];
        var cpuStart = TimeSpan.Zero;
        var jitTimeStart = TimeSpan.Zero;
        long jitStart = 0;
        var wall = new Stopwatch();
        for (var i = 0; i < count + warmUp; i++)
        {
            if (i == warmUp)
            {
                cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                jitStart = System.Runtime.JitInfo.GetCompiledMethodCount();
                jitTimeStart = System.Runtime.JitInfo.GetCompilationTime();
                wall.Start();
            }
            probes.ReleaseBar();
            var arrived = await probes.OrderArrived.WaitAsync(TimeSpan.FromSeconds(5));
            var done = arrived && await pipeline.OrderDone.WaitAsync(TimeSpan.FromSeconds(5));
            if (!done)
            {
                missed++;
                continue;
            }
            if (i >= warmUp)
            {
                fromCollector.Add(Stopwatch.GetElapsedTime(probes.CandleAtCollector, probes.OrderArrival).TotalMilliseconds);
                toCandle.Add(Stopwatch.GetElapsedTime(probes.CandleAtCollector, pipeline.CandleSeen).TotalMilliseconds);
                toSignal.Add(Stopwatch.GetElapsedTime(probes.CandleAtCollector, pipeline.SignalSeen).TotalMilliseconds);
                toSubmitted.Add(Stopwatch.GetElapsedTime(probes.CandleAtCollector, pipeline.SubmittedSeen).TotalMilliseconds);
                fromSimulator.Add(Stopwatch.GetElapsedTime(probes.BarReleased, probes.OrderArrival).TotalMilliseconds);
            }
            if (gapMs > 0) await Task.Delay(gapMs);
        }
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitStart;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeStart;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fromCollector.Count} orders measured after {warmUp} warm-up candles ({missed} candles without a filled order, {pipeline.NotFilled} orders not filled), gap {gapMs} ms"));
        Console.WriteLine($"closed candle at collector → POST /api/v3/order at simulator: {Percentiles(fromCollector)}");
        Console.WriteLine($"simulator streams the bar → POST /api/v3/order at simulator: {Percentiles(fromSimulator)}");
        if (breakdown)
        {
            Console.WriteLine($"  collector → candle seen on the bus by a bench consumer: {Percentiles(toCandle)}");
            Console.WriteLine($"  collector → signal seen on the bus: {Percentiles(toSignal)}");
            Console.WriteLine($"  collector → Submitted order seen on the bus: {Percentiles(toSubmitted)}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process CPU {cpu.TotalMilliseconds / Math.Max(1, fromCollector.Count):F3} ms per candle (whole round trip incl. simulator), wall {wall.Elapsed.TotalSeconds:F1} s; {jitted} methods JIT-compiled while measuring ({jitTime.TotalMilliseconds:F0} ms)"));
        return missed == 0 ? 0 : 1;
    }

    private static string Percentiles(List<double> values)
    {
        if (values.Count == 0) return "no samples";
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Pct(values, 0.50):F3} ms, p90 {Pct(values, 0.90):F3} ms, p99 {Pct(values, 0.99):F3} ms, p99.9 {Pct(values, 0.999):F3} ms, max {values[^1]:F3} ms");
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
