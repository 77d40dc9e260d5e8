using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Trading.TestInfrastructure;

/// <summary>
/// data.binance.vision futures/um files written for a test: kline zips whose CSV opens with Binance's futures header, made
/// from the real spot rows of a day with every price scaled, and fundingRate zips or CSVs.
/// </summary>
public static class FuturesFiles
{
    public const string KlineHeader = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";
    public const string FundingHeader = "calc_time,funding_interval_hours,last_funding_rate";

    /// <summary>BTCUSDT-1m-{day}.zip in <paramref name="directory"/>: the shared spot day with its four prices times <paramref name="priceFactor"/>.</summary>
    public static string WriteKlineZip(string directory, string day, decimal priceFactor)
    {
        var rows = ReadSpotRows(Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{day}.zip")).Select(row => Scale(row, priceFactor));
        return WriteZip(directory, $"BTCUSDT-1m-{day}", [KlineHeader, .. rows]);
    }

    /// <summary>A fundingRate zip (or CSV when <paramref name="zip"/> is false) with the header and the given rows.</summary>
    public static string WriteFunding(string directory, string name, bool zip, params string[] rows)
    {
        if (zip) return WriteZip(directory, name, [FundingHeader, .. rows]);
        var path = Path.Combine(directory, name + ".csv");
        File.WriteAllText(path, string.Join('\n', [FundingHeader, .. rows]) + "\n");
        return path;
    }

    /// <summary>A fundingRate row: settlement time (ms), 8 h, rate.</summary>
    public static string FundingRow(DateTimeOffset time, decimal rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.ToUnixTimeMilliseconds()},8,{rate}");

    private static string WriteZip(string directory, string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(directory, name + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(name + ".csv").Open(), new UTF8Encoding(false));
        foreach (var line in lines) writer.Write(line + "\n");
        return path;
    }

    private static List<string> ReadSpotRows(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.Entries[0].Open());
        var rows = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line);
        return rows;
    }

    private static string Scale(string row, decimal factor)
    {
        var fields = row.Split(',');
        for (var i = 1; i <= 4; i++)
            fields[i] = (decimal.Parse(fields[i], CultureInfo.InvariantCulture) * factor).ToString("0.00######", CultureInfo.InvariantCulture);
        return string.Join(',', fields);
    }
}
