using System.Diagnostics;
using System.IO.Compression;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Benchmarks;

/// <summary>
/// `kline-parse [days] [passes]`: single-thread parse + validate of already-inflated Binance 1m CSV held in memory
/// (default 30 shared days), best of 5 passes (or the given number), in process CPU ns per candle (wall time is meaningless on a loaded machine). Isolates the parser from zlib and the store.
/// </summary>
public static class KlineParseBenchmark
{
    public static int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var folder = Path.Combine(ImportBenchmark.FindRepoRoot(), "..", "shared", "data", "binance-spot", "klines", "BTCUSDT", "1m");
        var csvs = Directory.GetFiles(folder, "*.zip").Order(StringComparer.Ordinal).Take(days).Select(Inflate).ToList();
        var passes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var candles = new List<Candle>(1500);
        var best = double.MaxValue;
        long rows = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            rows = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var csv in csvs)
            {
                candles.Clear();
                new KlineCsvParser("bench", new Symbol("BTCUSDT"), Timeframe.M1).Parse(new MemoryStream(csv), candles);
                rows += candles.Count;
            }
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / rows);
        }
        Console.WriteLine($"kline-parse: {rows:N0} candles, best {best:F0} CPU ns/candle = {1e9 / best:N0} candles per CPU-second");
        return 0;
    }

    private static byte[] Inflate(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.Entries[0].Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
