using System.Globalization;
using System.IO.Compression;

namespace Trading.Benchmarks;

/// <summary>Real BTCUSDT 1m bars (1,306,000 of them) from the shared Binance kline zips, as parallel double arrays.</summary>
public sealed class BenchmarkData
{
    private BenchmarkData(long[] openTimes, double[] high, double[] low, double[] close, double[] volume)
    {
        OpenTimeMs = openTimes;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    public long[] OpenTimeMs { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Length => Close.Length;

    /// <summary>Finds ../shared/data above the working directory and loads every BTCUSDT 1m zip in date order.</summary>
    public static BenchmarkData LoadBtcUsdt1m()
    {
        var directory = FindKlines("1m");
        var times = new List<long>(1_310_000);
        var high = new List<double>(1_310_000);
        var low = new List<double>(1_310_000);
        var close = new List<double>(1_310_000);
        var volume = new List<double>(1_310_000);
        foreach (var path in Directory.GetFiles(directory, "*.zip").Order(StringComparer.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.Entries[0].Open());
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                var fields = line.Split(',');
                times.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
                high.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                low.Add(double.Parse(fields[3], CultureInfo.InvariantCulture));
                close.Add(double.Parse(fields[4], CultureInfo.InvariantCulture));
                volume.Add(double.Parse(fields[5], CultureInfo.InvariantCulture));
            }
        }
        return new BenchmarkData([.. times], [.. high], [.. low], [.. close], [.. volume]);
    }

    private static string FindKlines(string interval)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "binance-spot", "klines", "BTCUSDT", interval);
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException($"cannot find ../shared/data/binance-spot/klines/BTCUSDT/{interval} above {Directory.GetCurrentDirectory()}");
    }
}
