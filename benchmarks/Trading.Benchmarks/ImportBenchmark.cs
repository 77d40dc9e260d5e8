using System.Diagnostics;
using Trading.Services.Import;
using Trading.Storage;

namespace Trading.Benchmarks;

/// <summary>
/// `import [folder] [--end-to-end-only | --store-only] [--runs N]`: imports every kline zip of the folder (default: the shared BTCUSDT 1m, 907 zips)
/// into a fresh SQLite store and reports candles per second end to end, from zip to committed rows (N times, each into a new store).
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var endToEndOnly = args.Contains("--end-to-end-only");
        var storeOnly = args.Contains("--store-only");
        args = args.Where(a => a is not ("--end-to-end-only" or "--store-only")).ToArray();
        var runs = 1;
        var runsAt = Array.IndexOf(args, "--runs");
        if (runsAt >= 0)
        {
            runs = runsAt + 1 < args.Length && int.TryParse(args[runsAt + 1], out var n) && n > 0 ? n : 1;
            args = args.Where((_, i) => i != runsAt && i != runsAt + 1).ToArray();
        }
        var folder = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "binance-spot", "klines", "BTCUSDT", "1m");
        var dataDir = Directory.CreateTempSubdirectory("import-bench-").FullName;
        try
        {
            var files = KlineFileReader.ExpandPaths([folder]);
            if (storeOnly)
            {
                for (var run = 1; run <= runs; run++) await StoreOnlyAsync(files, Path.Combine(dataDir, $"store-only-{run}"));
                return 0;
            }
            if (!endToEndOnly)
            {
                DecompressOnly(files);
                await ParseOnlyAsync(files);
                await StoreOnlyAsync(files, Path.Combine(dataDir, "store-only"));
            }
            for (var run = 1; run <= runs; run++)
                await EndToEndAsync(files, Path.Combine(dataDir, $"run-{run}"));
            return 0;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Zip → committed rows into a fresh store, with CPU time and bytes allocated during the import.</summary>
    private static async Task EndToEndAsync(IReadOnlyList<string> files, string dataDir)
    {
        var store = await TradingStoreFactory.OpenAsync(null, dataDir);
        // The phases before leave ~200 MB of garbage (all candles in memory): collect it here, not inside the timed import.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var (cpu, user) = (process.TotalProcessorTime, process.UserProcessorTime);
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var summary = await new CandleImporter(store.Candles, TimeProvider.System).ImportAsync(files);
        watch.Stop();
        process.Refresh();
        (cpu, user) = (process.TotalProcessorTime - cpu, process.UserProcessorTime - user);
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        var rate = summary.RowsWritten / watch.Elapsed.TotalSeconds;
        var closing = Stopwatch.StartNew();
        await store.DisposeAsync(); // closes the last connection, which checkpoints the WAL into the database file
        closing.Stop();
        Console.WriteLine($"import: {files.Count} files, {summary.RowsWritten:N0} candles committed in {watch.Elapsed.TotalSeconds:F2} s = {rate:N0} candles/s " +
            $"(skipped {summary.RowsSkipped}, gaps {summary.GapCount}, gen2 GCs {GC.CollectionCount(2)}, cores {Environment.ProcessorCount}, CPU {cpu.TotalSeconds:F2} s (user {user.TotalSeconds:F2} s), allocated {allocated / 1e6:F0} MB, load {LoadAverage()}); closing the store (final WAL checkpoint) {closing.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>Decompress and parse only, no store: the ceiling the store writes sit under.</summary>
    private static async Task ParseOnlyAsync(IReadOnlyList<string> files)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long rows = 0;
        await foreach (var result in KlineFileReader.ReadManyAsync(files)) rows += result.File?.Candles.Count ?? 0;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"parse only: {rows:N0} candles in {watch.Elapsed.TotalSeconds:F2} s = {rows / watch.Elapsed.TotalSeconds:N0} candles/s (CPU {cpu.TotalSeconds:F2} s, gen0/1/2 GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");
    }

    /// <summary>Upserts already-parsed candles in 200k-row transactions: the writer's own cost.</summary>
    private static async Task StoreOnlyAsync(IReadOnlyList<string> files, string dir)
    {
        var candles = new List<Trading.Core.Model.Candle>();
        await foreach (var result in KlineFileReader.ReadManyAsync(files)) candles.AddRange(result.File!.Candles);
        var all = candles.ToArray();
        await using var store = await TradingStoreFactory.OpenAsync(null, dir);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < all.Length; i += 200_000)
            await store.Candles.UpsertAsync(new ArraySegment<Trading.Core.Model.Candle>(all, i, Math.Min(200_000, all.Length - i)));
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"store only: {candles.Count:N0} candles in {watch.Elapsed.TotalSeconds:F2} s = {candles.Count / watch.Elapsed.TotalSeconds:N0} candles/s (CPU {cpu.TotalSeconds:F2} s)");
    }

    /// <summary>Inflate only, single thread: the share of the parse phase that is zlib.</summary>
    private static void DecompressOnly(IReadOnlyList<string> files)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var buffer = new byte[1 << 16];
        long bytes = 0;
        foreach (var file in files)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            using var stream = zip.Entries[0].Open();
            int read;
            while ((read = stream.Read(buffer)) > 0) bytes += read;
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"decompress only: {bytes / 1e6:F0} MB of CSV (CPU {cpu.TotalSeconds:F2} s)");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    internal static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trading.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
