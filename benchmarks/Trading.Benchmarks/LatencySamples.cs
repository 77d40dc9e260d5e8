using System.Diagnostics;
using System.Globalization;

namespace Trading.Benchmarks;

/// <summary>The execution-latency suite's measurements, in milliseconds, one per bar.</summary>
internal sealed class LatencySamples(int capacity)
{
    public List<double> FromCollector { get; } = new(capacity);

    public List<double> FromSimulator { get; } = new(capacity);

    private readonly List<double> _toCandle = new(capacity);
    private readonly List<double> _toSignal = new(capacity);
    private readonly List<double> _toSubmitted = new(capacity);
    private readonly List<double> _toHttpClient = new(capacity);

    public int Count => FromCollector.Count;

    /// <summary>Adds the current bar's stamps; returns its latency from the collector.</summary>
    public double Add(LatencyProbes probes, LatencyPipeline pipeline)
    {
        FromCollector.Add(Ms(probes.CandleAtCollector, probes.OrderArrival));
        FromSimulator.Add(Ms(probes.BarReleased, probes.OrderArrival));
        _toCandle.Add(Ms(probes.CandleAtCollector, pipeline.CandleSeen));
        _toSignal.Add(Ms(probes.CandleAtCollector, pipeline.SignalSeen));
        _toSubmitted.Add(Ms(probes.CandleAtCollector, pipeline.SubmittedSeen));
        _toHttpClient.Add(Ms(probes.CandleAtCollector, pipeline.OrderHandedToHttp));
        return FromCollector[^1];
    }

    public void PrintBreakdown()
    {
        Console.WriteLine($"  collector → candle seen on the bus by a bench consumer: {Percentiles(_toCandle)}");
        Console.WriteLine($"  collector → signal seen on the bus: {Percentiles(_toSignal)}");
        Console.WriteLine($"  collector → Submitted order seen on the bus: {Percentiles(_toSubmitted)}");
        Console.WriteLine($"  collector → POST /api/v3/order handed to HttpClient: {Percentiles(_toHttpClient)}");
    }

    public static string Percentiles(List<double> values)
    {
        if (values.Count == 0) return "no samples";
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Pct(values, 0.50):F3} ms, p90 {Pct(values, 0.90):F3} ms, p99 {Pct(values, 0.99):F3} ms, p99.9 {Pct(values, 0.999):F3} ms, max {values[^1]:F3} ms");
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
