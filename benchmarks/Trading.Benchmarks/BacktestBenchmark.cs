using System.Diagnostics;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Optimization;
using Trading.Core.Model;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Backtesting;
using Trading.Storage;

namespace Trading.Benchmarks;

/// <summary>
/// `backtest`: the rsi strategy through the engine over all 1,306,000 real BTCUSDT 1m candles against a minimal
/// hand-written loop (same rule, same fills), in the same process; engine time only, candles already in memory.
/// `backtest-load`: loading those candles from the embedded SQLite store. `optimize [sets=1000]`: rsi parameter sets
/// over 2023 (525,600 candles) with 1 and 2 jobs.
/// </summary>
public static class BacktestBenchmark
{
    private const int WarmUpRounds = 3;
    private static readonly int Repeats = int.TryParse(Environment.GetEnvironmentVariable("BENCH_REPEATS"), out var r) ? r : 5;
    private static readonly BacktestSettings Settings = new() { InitialBalance = 10_000m, FeeBps = 10m, SlippageBps = 2m };

    public static async Task<int> RunEngineAsync(string[] args)
    {
        var candles = await BenchData.LoadBtcUsdt1mAsync(args.FirstOrDefault());
        var data = new BacktestData(candles);
        SettleHeap();
        var engine = new BacktestEngine();
        BacktestResult? result = null;
        decimal handFinal = 0;
        var engineTimes = new List<(double Wall, double Cpu)>();
        var handTimes = new List<(double Wall, double Cpu)>();
        var engineGcs = new List<int>();
        for (var round = 1 - WarmUpRounds; round <= Repeats; round++) // rounds up to 0 take the JIT through its tiers
        {
            var gcBefore = GC.CollectionCount(0);
            var e = Measure(() => result = engine.Run(new RsiStrategy(), data, Settings));
            var gcs = GC.CollectionCount(0) - gcBefore;
            var h = Measure(() => handFinal = HandWrittenRsiLoop.Run(candles, Settings.InitialBalance, Settings.FeeBps, Settings.SlippageBps));
            if (round <= 0) continue;
            engineTimes.Add(e);
            engineGcs.Add(gcs);
            handTimes.Add(h);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        engine.Run(new RsiStrategy(), data, Settings);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        // A result's fills are the engine's reused buffer: read what is reported before the engine's next run.
        var fills = result!.Fills.Count;
        var finalBalance = result.Statistics.FinalBalance;
        var denials = result.Rejections.Values.Sum();
        Console.WriteLine($"engine rsi allocates {allocated:N0} bytes per run ({allocated / Math.Max(1, fills):N0} per fill); " +
            $"GCs gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
        var quiet = new RsiStrategy();
        quiet.Configure(new Dictionary<string, string> { ["oversold"] = "0", ["overbought"] = "100" });
        var quietTime = Enumerable.Range(0, Repeats).Select(_ => Measure(() => engine.Run(quiet, data, Settings)).Cpu).Min();
        Console.WriteLine($"engine rsi that never signals (per-candle floor): {quietTime * 1000:F0} ms CPU = {candles.Length / quietTime:N0} candles/CPU-s");
        var strategyOnly = Enumerable.Range(0, Repeats).Select(_ => Measure(() =>
        {
            var s = new RsiStrategy();
            var context = new Trading.Core.Strategies.StrategyContext(data.Symbol, data.Timeframe) { PositionQuantity = 1m };
            var signals = 0;
            for (var i = 0; i < candles.Length; i++)
            {
                context.Observe(candles[i]);
                if (s.OnCandle(candles[i], context) is not null) signals++;
            }
        }).Cpu).Min();
        Console.WriteLine($"rsi strategy alone (signals included, no engine): {strategyOnly * 1000:F0} ms CPU");
        Console.WriteLine($"engine rsi rounds (ms CPU, gen0 collections during the round): {string.Join(' ', engineTimes.Select((t, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Cpu * 1000:F0}({engineGcs[i]})")))}");
        var engineBest = engineTimes.Min(t => t.Cpu);
        var handBest = handTimes.Min(t => t.Cpu);
        Console.WriteLine($"candles {candles.Length:N0}, cores {Environment.ProcessorCount}, load {BenchData.LoadAverage()}");
        Console.WriteLine($"engine rsi: best {engineBest * 1000:F0} ms CPU = {candles.Length / engineBest:N0} candles/CPU-s; best wall {engineTimes.Min(t => t.Wall) * 1000:F0} ms = {candles.Length / engineTimes.Min(t => t.Wall):N0} candles/s");
        var engineMedian = Median(engineTimes.Select(t => t.Cpu));
        var quietRounds = engineTimes.Where((_, i) => engineGcs[i] == 0).Select(t => t.Cpu).ToArray();
        Console.WriteLine($"engine rsi: median {engineMedian * 1000:F0} ms CPU = {candles.Length / engineMedian:N0} candles/CPU-s over all {engineTimes.Count} rounds; " +
            $"rounds without a gen-0 collection {quietRounds.Length}, their median {(quietRounds.Length > 0 ? Median(quietRounds) * 1000 : double.NaN):F0} ms");
        Console.WriteLine($"hand loop : best {handBest * 1000:F0} ms CPU = {candles.Length / handBest:N0} candles/CPU-s; best wall {handTimes.Min(t => t.Wall) * 1000:F0} ms = {candles.Length / handTimes.Min(t => t.Wall):N0} candles/s");
        Console.WriteLine($"engine / hand-loop speed ratio (CPU): {handBest / engineBest:F2}");
        Console.WriteLine($"final balance engine {finalBalance:F6} vs hand loop {handFinal:F6} (fills {fills}, denials {denials})");
        return 0;
    }

    public static async Task<int> RunLoadAsync(string[] args)
    {
        var candles = await BenchData.LoadBtcUsdt1mAsync(args.FirstOrDefault());
        var dataDir = Directory.CreateTempSubdirectory("backtest-load-").FullName;
        try
        {
            await using (var store = await TradingStoreFactory.OpenAsync(null, dataDir))
                await store.Candles.UpsertAsync(candles);
            await using var reader = await TradingStoreFactory.OpenAsync(null, dataDir);
            var symbol = new Symbol("BTCUSDT");
            for (var round = 0; round <= Repeats; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var loaded = await CandleLoader.LoadAsync(reader.Candles, symbol, Timeframe.M1, 0, long.MaxValue);
                watch.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"load round {round}: {loaded.Length:N0} candles in {watch.Elapsed.TotalSeconds:F3} s wall, {cpu.TotalSeconds:F3} s CPU (load {BenchData.LoadAverage()})");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    public static async Task<int> RunOptimizeAsync(string[] args)
    {
        var sets = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var candles = await BenchData.LoadBtcUsdt1mAsync(null, name => name.Contains("-2023-", StringComparison.Ordinal));
        var data = new BacktestData(candles);
        SettleHeap();
        var space = new ParameterSpace([ParameterRange.Parse("period=5..54"), ParameterRange.Parse("oversold=10..48:2")]);
        var candidates = space.Random(sets, seed: 7).Select(p => (IReadOnlyDictionary<string, string>)p.ToDictionary(
            v => v.Key, v => v.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Console.WriteLine($"optimize: {candidates.Length} rsi parameter sets over {candles.Length:N0} candles of 2023, cores {Environment.ProcessorCount}");
        foreach (var jobs in new[] { 1, 2 })
        {
            var optimizer = new Optimizer(data, Settings, p => BuiltInStrategies.CreateRegistry().Create("rsi", p));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var ranked = optimizer.Run(candidates, OptimizationMetric.Sharpe, jobs);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"jobs {jobs}: {watch.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, {optimizer.Cache.Computed} RSI series computed, " +
                $"{(double)candidates.Length * candles.Length / watch.Elapsed.TotalSeconds:N0} candle-steps/s, best {string.Join(' ', ranked[0].Parameters.Select(p => $"{p.Key}={p.Value}"))} sharpe {ranked[0].Score:F3} (load {BenchData.LoadAverage()})");
        }
        return 0;
    }

    /// <summary>
    /// A full blocking collection after loading, as benchmark harnesses do: the freshly built candle array (references to
    /// symbol strings) is promoted once, so the timed runs do not pay the load's GC debt (card scans of a 200 MB array).
    /// </summary>
    internal static void SettleHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static (double Wall, double Cpu) Measure(Action action)
    {
        var thread = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - thread).TotalSeconds);
    }
}
