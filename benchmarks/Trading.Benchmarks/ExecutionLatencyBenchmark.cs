using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Trading.Benchmarks;

/// <summary>
/// `execution-latency` suite: the Binance simulator streams closed 1m bars on its kline WebSocket, one bar at a time; the
/// collector stores and publishes each on the in-process bus; the strategy engine signals on every bar (buy, sell, buy…);
/// the order executor (testnet mode) sends POST /api/v3/order to the simulator over HTTP on 127.0.0.1. Latency is from
/// the collector's closed-candle handler (the bar handed to the store) to the simulator receiving the order request; the
/// wider span from the simulator starting to stream the bar is shown too. The next bar starts once the order has filled
/// and the pipeline has been idle for a moment, as between real candles. Warm-up runs until the JIT has settled.
/// Usage: execution-latency [candles=5000] [--warm-up MIN] [--gap-ms N] [--breakdown].
/// </summary>
public static class ExecutionLatencyBenchmark
{
    private const int WarmUpChunk = 250;
    internal const int MaxWarmUp = 6000;
    private const double StallMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var minWarmUp = Option(args, "--warm-up", 1500);
        var gapMs = Option(args, "--gap-ms", 3);
        var breakdown = args.Contains("--breakdown");
        var probes = new LatencyProbes();
        await using var pipeline = await LatencyPipeline.StartAsync(count + Math.Max(minWarmUp, MaxWarmUp), probes, breakdown);

        var misses = new List<string>();
        var report = new LatencyMissReport(pipeline.Store, pipeline, probes, LatencyPipeline.Warnings);
        var warmUp = await WarmUpAsync(probes, pipeline, gapMs, report, minWarmUp, misses);

        var samples = new LatencySamples(count);
        var stalls = new List<string>();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var jitStart = JitInfo.GetCompiledMethodCount();
        var gcStart = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var gcs = GC.CollectionCount(0);
            if (await RunBarAsync(probes, pipeline, gapMs, report, warmUp + i) is { } miss) misses.Add(miss);
            else if (samples.Add(probes, pipeline) is var ms && ms > StallMs)
                stalls.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  bar {warmUp + i}: {ms:F1} ms; Submitted on the bus after {Stopwatch.GetElapsedTime(probes.CandleAtCollector, pipeline.SubmittedSeen).TotalMilliseconds:F1} ms; {GC.CollectionCount(0) - gcs} GCs; thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued"));
        }
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} orders measured after {warmUp} warm-up candles ({misses.Count} candles without a filled order within 5 s, {pipeline.NotFilled} orders not filled), gap {gapMs} ms"));
        foreach (var miss in misses) Console.WriteLine(miss);
        Console.WriteLine($"{stalls.Count} bars over {StallMs} ms{(stalls.Count == 0 ? "" : ":")}");
        foreach (var stall in stalls.Take(20)) Console.WriteLine(stall);
        Console.WriteLine($"closed candle at collector → POST /api/v3/order at simulator: {LatencySamples.Percentiles(samples.FromCollector)}");
        Console.WriteLine($"simulator streams the bar → POST /api/v3/order at simulator: {LatencySamples.Percentiles(samples.FromSimulator)}");
        if (breakdown) samples.PrintBreakdown();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process CPU {cpu.TotalMilliseconds / Math.Max(1, samples.Count):F3} ms per candle (whole round trip incl. simulator and portfolio), wall {wall.Elapsed.TotalSeconds:F1} s; while measuring: {JitInfo.GetCompiledMethodCount() - jitStart} methods JIT-compiled, GCs gen0/1/2 {GC.CollectionCount(0) - gcStart.Gen0}/{GC.CollectionCount(1) - gcStart.Gen1}/{GC.CollectionCount(2) - gcStart.Gen2} pausing {(GC.GetTotalPauseDuration() - gcStart.Pause).TotalMilliseconds:F1} ms ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, {GCSettings.LatencyMode})"));
        return misses.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs bars until the JIT has settled (at least <paramref name="minWarmUp"/>, at most 6,000); returns how many.</summary>
    internal static async Task<int> WarmUpAsync(LatencyProbes probes, LatencyPipeline pipeline, int gapMs, LatencyMissReport report, int minWarmUp, List<string> misses)
    {
        var warmUp = 0;
        while (true)
        {
            var jitBefore = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < WarmUpChunk; i++)
                if (await RunBarAsync(probes, pipeline, gapMs, report, warmUp + i) is { } miss) misses.Add(miss);
            warmUp += WarmUpChunk;
            if (warmUp >= MaxWarmUp || (warmUp >= minWarmUp && JitInfo.GetCompiledMethodCount() - jitBefore < 20)) return warmUp;
        }
    }

    /// <summary>Lets the simulator stream one bar; null once its order reached the simulator and a final state, else what happened.</summary>
    internal static async Task<string?> RunBarAsync(LatencyProbes probes, LatencyPipeline pipeline, int gapMs, LatencyMissReport report, int bar)
    {
        // A bar that timed out may still have signalled since: drop stale signals so each bar pairs with its own order.
        while (probes.OrderArrived.Wait(0) || pipeline.OrderDone.Wait(0)) { }
        var warnings = LatencyPipeline.Warnings.Count;
        probes.ReleaseBar();
        var arrived = await probes.OrderArrived.WaitAsync(TimeSpan.FromSeconds(5));
        var done = arrived && await pipeline.OrderDone.WaitAsync(TimeSpan.FromSeconds(5));
        var miss = done ? null : await report.DescribeAsync(bar, arrived, warnings);
        if (gapMs > 0) await Task.Delay(gapMs);
        return miss;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
