using Trading.Core.Model;
using Trading.Services.Import;

namespace Trading.Benchmarks;

/// <summary>The shared real BTCUSDT 1m candles (907 daily zips, 1,306,000 candles), parsed once per process.</summary>
internal static class BenchData
{
    public static string BtcUsdt1mDir(string? folder = null) =>
        folder ?? Path.Combine(RepoRoot(), "..", "shared", "data", "binance-spot", "klines", "BTCUSDT", "1m");

    public static async Task<Candle[]> LoadBtcUsdt1mAsync(string? folder = null, Func<string, bool>? fileFilter = null)
    {
        var files = KlineFileReader.ExpandPaths([BtcUsdt1mDir(folder)]).Where(f => fileFilter?.Invoke(Path.GetFileName(f)) ?? true).ToArray();
        var candles = new List<Candle>(1_310_000);
        await foreach (var result in KlineFileReader.ReadManyAsync(files))
            candles.AddRange(result.File?.Candles ?? throw new InvalidDataException(result.Error));
        return [.. candles];
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trading.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
