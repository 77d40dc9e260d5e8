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
        var rows = new SortedDictionary<long, FundingSettlement>();
        foreach (var path in paths)
        {
            foreach (var settlement in ReadFile(path)) rows[settlement.TimeMs] = settlement;
        }
        var names = string.Join(", ", paths.Select(Path.GetFileName));
        if (rows.Count == 0) throw new FormatException($"no funding settlements in {names}");
        return FundingRates.FromSettlements([.. rows.Keys], [.. rows.Values.Select(s => s.Rate)], $"{rows.Count} funding settlements from {names}");
    }

    /// <summary>Every settlement of one file (.zip or .csv) in time order; a repeated time keeps its last row.</summary>
    public static IReadOnlyList<FundingSettlement> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new SortedDictionary<long, FundingSettlement>();
        using (var reader = Open(path)) ReadSettlements(reader, Path.GetFileName(path), rows);
        return [.. rows.Values];
    }

    public static void Read(TextReader reader, string name, IDictionary<long, decimal> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var settlements = new Dictionary<long, FundingSettlement>();
        ReadSettlements(reader, name, settlements);
        foreach (var (time, settlement) in settlements) rows[time] = settlement.Rate;
    }

    public static void ReadSettlements(TextReader reader, string name, IDictionary<long, FundingSettlement> rows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(rows);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || (line == 1 && text.StartsWith("calc_time", StringComparison.Ordinal))) continue;
            var settlement = Parse(text, name, line);
            rows[settlement.TimeMs] = settlement;
        }
    }

    private static FundingSettlement Parse(string text, string name, int line)
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
        return new FundingSettlement(time - (time % MinuteMs), hours, rate);
    }

    private static FormatException Bad(string name, int line, string what) => new($"{name} line {line}: {what}");

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path)) throw new FormatException($"funding file {path} does not exist");
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return new StreamReader(path);
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"{Path.GetFileName(path)} holds no .csv file");
        using var stream = entry.Open();
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return new StreamReader(memory);
    }
}
