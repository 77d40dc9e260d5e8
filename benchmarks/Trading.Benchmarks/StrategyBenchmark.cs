using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Benchmarks;

/// <summary>
/// `strategy` suite: built-in strategy throughput on every real BTCUSDT 1m candle in ../shared/data, one thread,
/// candles preloaded as Candle structs, timing only the OnCandle loop (wall clock and process CPU time, since the
/// machine is shared). Usage: strategy [name[:key=value,...] ...] [--runs N].
/// </summary>
public static class StrategyBenchmark
{
    public static int Run(string[] args)
    {
        var runs = 5;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else names.Add(args[i]);
        }
        if (names.Count == 0) names.Add("rsi");
        var candles = LoadCandles();
        Console.WriteLine($"{candles.Length:N0} BTCUSDT 1m candles loaded ({Unsafe.SizeOf<Candle>()} bytes each); best of {runs} runs, single thread");
        Baseline(candles, runs);
        var registry = BuiltInStrategies.CreateRegistry();
        foreach (var name in names)
        {
            // "rsi" or "rsi:period=7,oversold=20"
            var parts = name.Split(':', 2);
            var values = parts.Length == 1 ? [] : parts[1].Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            var strategy = registry.Create(parts[0], values);
            Measure(name, strategy, candles, runs, Loop);
            Measure(name + " (prefetch)", strategy, candles, runs, PrefetchingLoop);
        }
        return 0;
    }

    private static void Measure(string label, StrategyBase strategy, Candle[] candles, int runs, Func<StrategyBase, StrategyContext, Candle[], int> loop)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var signals = 0;
        var allocated = 0L;
        for (var run = 0; run < runs; run++)
        {
            strategy.Reset();
            var context = new StrategyContext(candles[0].Symbol, candles[0].Timeframe);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            signals = loop(strategy, context, candles);
            watch.Stop();
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-16} {candles.Length / best / 1e6,8:F1} M candles/s wall ({best * 1000:F1} ms), {candles.Length / bestCpu / 1e6,8:F1} M/s by process CPU time ({bestCpu * 1000:F1} ms); {signals} signals, {allocated:N0} bytes allocated (signals only)"));
    }

    // The floor: stream the same array and convert each close to double, with no strategy at all.
    private static void Baseline(Candle[] candles, int runs)
    {
        Floor("(read close only)", candles, runs, SumRuntime);
    }

    private static void Floor(string label, Candle[] candles, int runs, Func<Candle[], double> sumOf)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var sum = 0.0;
        for (var run = 0; run < runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            sum = sumOf(candles);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-16} {candles.Length / best / 1e6,8:F1} M candles/s wall ({best * 1000:F1} ms), {candles.Length / bestCpu / 1e6,8:F1} M/s by process CPU time; checksum {sum:E3}"));
    }

    private static double SumRuntime(Candle[] candles)
    {
        var sum = 0.0;
        for (var i = 0; i < candles.Length; i++) sum += (double)candles[i].Close;
        return sum;
    }

    private static int Loop(StrategyBase strategy, StrategyContext context, Candle[] candles)
    {
        var signals = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            if (strategy.OnCandle(candles[i], context) is not null) signals++;
        }
        return signals;
    }

    // The same loop feeding candles as the backtest engine does, with CandlePrefetch hinting the candle 32 ahead.
    private static int PrefetchingLoop(StrategyBase strategy, StrategyContext context, Candle[] candles)
    {
        var signals = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            CandlePrefetch.Ahead(candles, i);
            if (strategy.OnCandle(candles[i], context) is not null) signals++;
        }
        return signals;
    }

    private static Candle[] LoadCandles()
    {
        var directory = FindKlines();
        var symbol = new Symbol("BTCUSDT");
        var candles = new List<Candle>(1_310_000);
        foreach (var path in Directory.GetFiles(directory, "*.zip").Order(StringComparer.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.Entries[0].Open());
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                var f = line.Split(',');
                if (!long.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openTime)) continue; // header
                if (openTime > 10_000_000_000_000) openTime /= 1000; // microsecond files
                candles.Add(new Candle(symbol, Timeframe.M1, openTime, Dec(f[1]), Dec(f[2]), Dec(f[3]), Dec(f[4]), Dec(f[5])));
            }
        }
        return [.. candles];
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FindKlines()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "binance-spot", "klines", "BTCUSDT", "1m");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("cannot find ../shared/data/binance-spot/klines/BTCUSDT/1m above the working directory");
    }
}
