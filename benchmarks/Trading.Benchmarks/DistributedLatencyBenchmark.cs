using System.Globalization;
using Trading.TestInfrastructure.Servers;

namespace Trading.Benchmarks;

/// <summary>
/// `distributed-latency` suite: the execution-latency pipeline (simulator kline WebSocket → collector → strategy engine →
/// order executor in testnet mode → POST /api/v3/order at the simulator) once on the in-process bus and once on a real
/// redis-server on 127.0.0.1 with one connection per service (each with its own consumer name, consuming in its service's
/// consumer group as the `service run --name` processes do), alternately, for several rounds. Each round starts a fresh pipeline (and redis-server), warms it up, then measures candle at the
/// collector → order at the simulator for every bar. Prints each round's percentiles and the medians over the rounds.
/// Usage: distributed-latency [candles=2000] [--rounds 3] [--warm-up MIN] [--gap-ms N] [--breakdown] (per-stage stamps, from consumers of their own).
/// </summary>
public static class DistributedLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var rounds = ExecutionLatencyBenchmark.Option(args, "--rounds", 3);
        var minWarmUp = ExecutionLatencyBenchmark.Option(args, "--warm-up", 1000);
        var gapMs = ExecutionLatencyBenchmark.Option(args, "--gap-ms", 3);
        var breakdown = args.Contains("--breakdown");
        var p50 = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var p99 = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var missed = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var overRedis in new[] { false, true })
            {
                var (samples, misses, label) = await MeasureAsync(overRedis, count, minWarmUp, gapMs, breakdown);
                missed += misses.Count;
                var sorted = samples.FromCollector.Order().ToList();
                p50[overRedis].Add(Percentile(sorted, 0.50));
                p99[overRedis].Add(Percentile(sorted, 0.99));
                Console.WriteLine($"round {round}, {label}: {samples.Count} orders, {misses.Count} misses; collector → order at simulator: {LatencySamples.Percentiles(samples.FromCollector)}");
                foreach (var miss in misses) Console.WriteLine(miss);
                if (breakdown) samples.PrintBreakdown();
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"medians over {rounds} rounds: in-process p50 {Median(p50[false]):F3} ms, p99 {Median(p99[false]):F3} ms; Redis Streams p50 {Median(p50[true]):F3} ms, p99 {Median(p99[true]):F3} ms; p99 ratio Redis/in-process {Median(p99[true]) / Median(p99[false]):F2}"));
        return missed == 0 ? 0 : 1;
    }

    private static async Task<(LatencySamples Samples, List<string> Misses, string Label)> MeasureAsync(bool overRedis, int count, int minWarmUp, int gapMs, bool breakdown)
    {
        await using var redis = overRedis ? await RedisServer.StartAsync(appendOnly: false) : null;
        var buses = redis is null ? null : await LatencyBuses.RedisAsync(redis.Url, LatencyPipeline.Loggers, CancellationToken.None);
        var label = buses?.Description ?? "in-process";
        var probes = new LatencyProbes();
        await using var pipeline = await LatencyPipeline.StartAsync(count + Math.Max(minWarmUp, ExecutionLatencyBenchmark.MaxWarmUp), probes, breakdown, buses);
        var misses = new List<string>();
        var report = new LatencyMissReport(pipeline.Store, pipeline, probes, LatencyPipeline.Warnings);
        var warmUp = await ExecutionLatencyBenchmark.WarmUpAsync(probes, pipeline, gapMs, report, minWarmUp, misses);
        misses.Clear();
        var samples = new LatencySamples(count);
        for (var i = 0; i < count; i++)
        {
            if (await ExecutionLatencyBenchmark.RunBarAsync(probes, pipeline, gapMs, report, warmUp + i) is { } miss) misses.Add(miss);
            else samples.Add(probes, pipeline);
        }
        return (samples, misses, label);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);
}
