using System.Globalization;
using System.IO.Compression;
using Trading.Core.Indicators;
using Trading.TestInfrastructure;

namespace Trading.Core.Tests.Indicators;

/// <summary>Real BTCUSDT bars read from the shared Binance kline zips (no header: open_time,open,high,low,close,volume,...).</summary>
public static class BtcBars
{
    private static readonly Lazy<PriceBar[]> HourlySpring2023 = new(() => Load("1h", new DateOnly(2023, 2, 15), 60));

    private static readonly Lazy<PriceBar[]> MinutesOfHalt = new(() => Load("1m", new DateOnly(2023, 3, 24), 1));

    /// <summary>60 days of 1h bars (2023-02-15 to 2023-04-15), including the hour missing in the 2023-03-24 halt.</summary>
    public static PriceBar[] Hourly => HourlySpring2023.Value;

    /// <summary>The 1440 1m bars of 2023-03-24, with 72 flat zero-volume bars during the trading halt.</summary>
    public static PriceBar[] HaltDayMinutes => MinutesOfHalt.Value;

    public static double[] Closes(PriceBar[] bars) => bars.Select(b => b.Close).ToArray();

    public static double[] Highs(PriceBar[] bars) => bars.Select(b => b.High).ToArray();

    public static double[] Lows(PriceBar[] bars) => bars.Select(b => b.Low).ToArray();

    public static double[] Volumes(PriceBar[] bars) => bars.Select(b => b.Volume).ToArray();

    /// <summary>Every bar of <paramref name="days"/> daily zips of the given interval ("1h" or "1m") from <paramref name="first"/>.</summary>
    public static PriceBar[] Load(string interval, DateOnly first, int days)
    {
        var directory = interval == "1h" ? RepoPaths.BtcUsdt1hDir : RepoPaths.BtcUsdt1mDir;
        var bars = new List<PriceBar>();
        for (var day = first; day < first.AddDays(days); day = day.AddDays(1))
        {
            var path = Path.Combine(directory, $"BTCUSDT-{interval}-{day:yyyy-MM-dd}.zip");
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.Entries[0].Open());
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                var f = line.Split(',');
                bars.Add(new PriceBar(
                    long.Parse(f[0], CultureInfo.InvariantCulture),
                    double.Parse(f[1], CultureInfo.InvariantCulture),
                    double.Parse(f[2], CultureInfo.InvariantCulture),
                    double.Parse(f[3], CultureInfo.InvariantCulture),
                    double.Parse(f[4], CultureInfo.InvariantCulture),
                    double.Parse(f[5], CultureInfo.InvariantCulture)));
            }
        }
        return bars.ToArray();
    }
}
