using System.Diagnostics;
using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Benchmarks;

/// <summary>
/// Bulk-writes every BTCUSDT 1m candle into a fresh SQLite store and a fresh PostgreSQL store, reads them back in
/// time order, and times `psql \copy` of the same rows into an identical table for the ratio.
/// Options: --sqlite-only, --postgres-only, --reads N (read passes, default 3).
/// </summary>
public static class StorageBenchmark
{
    private static readonly Symbol Btc = new("BTCUSDT");

    public static async Task<int> RunAsync(string[] args)
    {
        var reads = args.SkipWhile(a => a != "--reads").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var watch = Stopwatch.StartNew();
        var candles = BinanceKlineZips.LoadAll(RepoPaths.BtcUsdt1mDir, Btc, Timeframe.M1);
        if (Environment.GetEnvironmentVariable("BENCH_LIMIT") is { } limit) candles = candles[..int.Parse(limit, CultureInfo.InvariantCulture)];
        Console.WriteLine($"loaded {candles.Length:N0} candles from {RepoPaths.BtcUsdt1mDir} in {watch.Elapsed.TotalSeconds:F1} s");

        if (!args.Contains("--postgres-only")) await RunSqliteAsync(candles, reads);
        if (!args.Contains("--sqlite-only")) await RunPostgresAsync(candles, reads);
        return 0;
    }

    private static async Task RunSqliteAsync(Candle[] candles, int reads)
    {
        var dir = Directory.CreateTempSubdirectory("trading-bench-sqlite-").FullName;
        try
        {
            await using var store = await TradingStoreFactory.OpenAsync(null, dir);
            await MeasureStoreAsync("sqlite", store, candles, reads);
            Console.WriteLine($"sqlite file size: {new FileInfo(Path.Combine(dir, TradingStoreFactory.SqliteFileName)).Length / 1_048_576.0:F0} MiB");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task RunPostgresAsync(Candle[] candles, int reads)
    {
        // BENCH_PG_SETTINGS="name=value ..." adds server settings, e.g. bulk-load ones; they apply to psql \copy alike.
        var settings = Environment.GetEnvironmentVariable("BENCH_PG_SETTINGS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        await using var server = await PostgresServer.StartAsync(default, settings);
        if (settings.Length > 0) Console.WriteLine($"postgresql settings: {string.Join(' ', settings)}");
        var connectionString = await server.CreateDatabaseAsync("bench");
        var postmaster = ServerCpu.PostmasterPid(server.DataDirectory);
        await using (var store = await TradingStoreFactory.OpenAsync(connectionString, "unused"))
        {
            var serverCpu = ServerCpu.Read(postmaster);
            var storeRate = await MeasureStoreAsync("postgresql", store, candles, reads: 0);
            Console.WriteLine($"postgresql write, server CPU: {(ServerCpu.Read(postmaster) - serverCpu).TotalSeconds:F2} s");
            var copy = new PsqlCopyBaseline(server, connectionString);
            serverCpu = ServerCpu.Read(postmaster);
            var psqlRate = await copy.MeasureAsync(candles, partitioned: true);
            Console.WriteLine($"psql \\copy (csv, partitioned table): {Rate(candles.Length, psqlRate)}; server CPU {(ServerCpu.Read(postmaster) - serverCpu).TotalSeconds:F2} s");
            Console.WriteLine($"ratio store/psql: {psqlRate.TotalSeconds / storeRate.TotalSeconds:F2}");
            var plain = await copy.MeasureAsync(candles, partitioned: false);
            Console.WriteLine($"psql \\copy (csv, unpartitioned table, for reference): {Rate(candles.Length, plain)}");
            await MeasureStoreAsync("postgresql", store, [], reads);
        }
    }

    /// <summary>Returns the write time.</summary>
    private static async Task<TimeSpan> MeasureStoreAsync(string name, ITradingStore store, Candle[] candles, int reads)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var writeTime = TimeSpan.Zero;
        if (candles.Length > 0)
        {
            var written = await store.Candles.UpsertAsync(candles);
            writeTime = watch.Elapsed;
            Console.WriteLine($"{name} write: {Rate(written, writeTime)}; {CpuRate(written, cpu)}");
        }
        for (var pass = 1; pass <= reads; pass++)
        {
            watch.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (count, ordered) = await ReadAllAsync(store);
            Console.WriteLine($"{name} read pass {pass}: {Rate(count, watch.Elapsed)}; {CpuRate(count, cpu)}{(ordered ? "" : " OUT OF ORDER")}");
        }
        return writeTime;
    }

    private static async Task<(long Count, bool Ordered)> ReadAllAsync(ITradingStore store)
    {
        long count = 0, previous = long.MinValue;
        var ordered = true;
        await foreach (var candle in store.Candles.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue))
        {
            ordered &= candle.OpenTimeMs > previous;
            previous = candle.OpenTimeMs;
            count++;
        }
        return (count, ordered);
    }

    /// <summary>The rate per second of this process's CPU time since <paramref name="cpuBefore"/>: what the code costs, whatever the load.</summary>
    private static string CpuRate(long count, TimeSpan cpuBefore)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return string.Create(CultureInfo.InvariantCulture, $"client CPU {cpu.TotalSeconds:F2} s = {count / cpu.TotalSeconds:N0}/s of CPU");
    }

    internal static string Rate(long count, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} candles in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0}/s");
}
