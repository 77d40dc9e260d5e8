using System.Diagnostics;
using Trading.Core.Indicators;

namespace Trading.Benchmarks;

/// <summary>
/// Updates per second of every indicator over the 1,306,000 real BTCUSDT 1m bars, repeated, on one thread,
/// with allocated bytes per update measured by GC.GetAllocatedBytesForCurrentThread (goal: 0).
/// Options: --passes N (times the data is replayed per round, default 8), --rounds N (best of, default 3), --only PREFIX.
/// </summary>
public static class IndicatorBenchmark
{
    private const double FastGoal = 100e6;
    private const double Goal = 30e6;

    public static int Run(string[] args)
    {
        var passes = Option(args, "--passes", 8);
        var rounds = Option(args, "--rounds", 3);
        var loadTimer = Stopwatch.StartNew();
        var d = BenchmarkData.LoadBtcUsdt1m();
        Console.WriteLine($"loaded {d.Length:N0} BTCUSDT 1m bars in {loadTimer.Elapsed.TotalSeconds:F1} s; {passes} passes per round, best of {rounds} rounds");
        Console.WriteLine($"{"indicator",-20} {"M/s (cpu)",10} {"M/s (wall)",10} {"bytes/update",13}  goal");
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var failures = 0;
        void Report(string name, Func<Result> measure, double goal)
        {
            if (only is not null && !name.StartsWith(only, StringComparison.OrdinalIgnoreCase)) return;
            var result = measure();
            var ok = result.CpuUpdatesPerSecond >= goal && result.AllocatedBytes == 0;
            if (!ok) failures++;
            Console.WriteLine($"{name,-20} {result.CpuUpdatesPerSecond / 1e6,10:F1} {result.WallUpdatesPerSecond / 1e6,10:F1} {(double)result.AllocatedBytes / result.Updates,13:F3}  {(ok ? "ok" : "MISSED")} (goal ≥{goal / 1e6:F0}M/s, 0 B)");
        }

        Report("SMA(20)", () => Measure(new Sma(20), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), FastGoal);
        Report("EMA(20)", () => Measure(new Ema(20), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), FastGoal);
        Report("RSI(14)", () => Measure(new Rsi(14), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), FastGoal);
        Report("WMA(20)", () => Measure(new Wma(20), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), Goal);
        Report("MACD(12,26,9)", () => Measure(new Macd(), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), Goal);
        Report("Bollinger(20,2)", () => Measure(new BollingerBands(), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), Goal);
        Report("StdDev(20)", () => Measure(new StandardDeviation(), d, passes, rounds, static (x, d) => { var c = d.Close; for (var i = 0; i < c.Length; i++) x.Update(c[i]); }), Goal);
        Report("TrueRange", () => Measure(new TrueRange(), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("ATR(14)", () => Measure(new Atr(14), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("ADX(14)", () => Measure(new Adx(14), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("Stochastic(5,3,3)", () => Measure(new Stochastic(), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("Supertrend(10,3)", () => Measure(new Supertrend(), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("Keltner(20,10,2)", () => Measure(new KeltnerChannels(), d, passes, rounds, static (x, d) => { var (h, l, c) = (d.High, d.Low, d.Close); for (var i = 0; i < c.Length; i++) x.Update(h[i], l[i], c[i]); }), Goal);
        Report("Donchian(20)", () => Measure(new DonchianChannels(), d, passes, rounds, static (x, d) => { var (h, l) = (d.High, d.Low); for (var i = 0; i < h.Length; i++) x.Update(h[i], l[i]); }), Goal);
        Report("OBV", () => Measure(new Obv(), d, passes, rounds, static (x, d) => { var (c, v) = (d.Close, d.Volume); for (var i = 0; i < c.Length; i++) x.Update(c[i], v[i]); }), Goal);
        Report("VWAP(session)", () => Measure(Vwap.Session(), d, passes, rounds, static (x, d) => { var (t, h, l, c, v) = (d.OpenTimeMs, d.High, d.Low, d.Close, d.Volume); for (var i = 0; i < c.Length; i++) x.Update(t[i], h[i], l[i], c[i], v[i]); }), Goal);
        Report("VWAP(rolling 20)", () => Measure(Vwap.Rolling(20), d, passes, rounds, static (x, d) => { var (t, h, l, c, v) = (d.OpenTimeMs, d.High, d.Low, d.Close, d.Volume); for (var i = 0; i < c.Length; i++) x.Update(t[i], h[i], l[i], c[i], v[i]); }), Goal);

        Console.WriteLine(failures == 0 ? "all goals met" : $"{failures} goal(s) missed");
        return 0;
    }

    /// <summary>Rates from the best round: by this process's CPU time (robust on a shared machine) and by wall-clock time.</summary>
    private readonly record struct Result(long Updates, double CpuUpdatesPerSecond, double WallUpdatesPerSecond, long AllocatedBytes);

    /// <summary>Two warm-up passes (let tiered JIT settle), then the best of <paramref name="rounds"/> timed rounds.</summary>
    private static Result Measure<T>(T indicator, BenchmarkData data, int passes, int rounds, Action<T, BenchmarkData> pass)
        where T : IIndicator
    {
        pass(indicator, data);
        indicator.Reset();
        pass(indicator, data);
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            indicator.Reset();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var p = 0; p < passes; p++) pass(indicator, data);
            var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            bestWall = Math.Min(bestWall, wall);
            bestCpu = Math.Min(bestCpu, cpu);
        }
        if (!double.IsFinite(indicator.Current)) throw new InvalidOperationException($"{indicator.GetType().Name} ended with {indicator.Current}");
        var updates = (long)data.Length * passes;
        return new Result(updates * rounds, updates / bestCpu, updates / bestWall, allocated);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }
}
