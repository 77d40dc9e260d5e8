using System.Globalization;
using System.IO.Compression;

namespace Trading.Core.Futures;

/// <summary>
/// Reads data.binance.vision's futures/um monthly fundingRate files (<c>BTCUSDT-fundingRate-2024-01.zip</c> or the CSV in
/// it): a header <c>calc_time,funding_interval_hours,last_funding_rate</c>, then one settlement a row (time in ms, hours,
/// rate as a fraction). Any bad row throws <see cref="FormatException"/> naming the file and line; nothing is half-read.
/// </summary>
public static class FundingRateCsv
{
    private const long MinuteMs = 60_000;

    public static FundingRates Load(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var rows = new SortedDictionary<long, decimal>();
        foreach (var path in paths)
        {
            using var reader = Open(path);
            Read(reader, Path.GetFileName(path), rows);
        }
        if (rows.Count == 0) throw new FormatException($"no funding settlements in {string.Join(", ", paths.Select(Path.GetFileName))}");
        return FundingRates.FromSettlements([.. rows.Keys], [.. rows.Values],
            $"{rows.Count} funding settlements from {string.Join(", ", paths.Select(Path.GetFileName))}");
    }

    public static void Read(TextReader reader, string name, IDictionary<long, decimal> rows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(rows);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || (line == 1 && text.StartsWith("calc_time", StringComparison.Ordinal))) continue;
            var (time, rate) = Parse(text, name, line);
            rows[time] = rate;
        }
    }

    private static (long Time, decimal Rate) Parse(string text, string name, int line)
    {
        var fields = text.Split(',');
        if (fields.Length != 3) throw Bad(name, line, $"expected calc_time,funding_interval_hours,last_funding_rate, got '{text}'");
        if (!long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time) || time <= 0)
            throw Bad(name, line, $"calc_time '{fields[0]}' is not a positive time in ms");
        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 24)
            throw Bad(name, line, $"funding_interval_hours '{fields[1]}' is not a whole number of hours within 1..24");
        if (!decimal.TryParse(fields[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var rate) || rate is <= -1 or >= 1)
            throw Bad(name, line, $"last_funding_rate '{fields[2]}' is not a funding rate (a fraction within -1..1)");
        return (time - (time % MinuteMs), rate);
    }

    private static FormatException Bad(string name, int line, string what) => new($"{name} line {line}: {what}");

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path)) throw new FormatException($"funding file {path} does not exist");
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return new StreamReader(path);
        var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"{Path.GetFileName(path)} holds no .csv file");
        using var stream = entry.Open();
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        zip.Dispose();
        memory.Position = 0;
        return new StreamReader(memory);
    }
}
