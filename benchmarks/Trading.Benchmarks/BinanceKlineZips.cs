using System.Globalization;
using System.IO.Compression;
using Trading.Core.Model;

namespace Trading.Benchmarks;

/// <summary>A minimal loader for Binance's daily kline zips (no header, 12 columns, ms times), for benchmarks only.</summary>
internal static class BinanceKlineZips
{
    public static Candle[] LoadAll(string directory, Symbol symbol, Timeframe timeframe)
    {
        var files = Directory.GetFiles(directory, "*.zip").Order(StringComparer.Ordinal).ToArray();
        var days = new Candle[files.Length][];
        Parallel.For(0, files.Length, i => days[i] = LoadZip(files[i], symbol, timeframe));
        return days.SelectMany(d => d).ToArray();
    }

    private static Candle[] LoadZip(string path, Symbol symbol, Timeframe timeframe)
    {
        using var zip = ZipFile.OpenRead(path);
        var candles = new List<Candle>(1440);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            while (reader.ReadLine() is { Length: > 0 } line)
                candles.Add(Parse(line, symbol, timeframe));
        }
        return candles.ToArray();
    }

    private static Candle Parse(string line, Symbol symbol, Timeframe timeframe)
    {
        var f = line.Split(',');
        return new Candle(symbol, timeframe, long.Parse(f[0], CultureInfo.InvariantCulture),
            Dec(f[1]), Dec(f[2]), Dec(f[3]), Dec(f[4]), Dec(f[5]))
        {
            CloseTimeMs = long.Parse(f[6], CultureInfo.InvariantCulture),
            QuoteVolume = Dec(f[7]),
            TradeCount = long.Parse(f[8], CultureInfo.InvariantCulture),
        };
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
