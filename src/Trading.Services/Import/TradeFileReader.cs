using System.IO.Compression;
using Trading.Core.Data;

namespace Trading.Services.Import;

/// <summary>Reads data.binance.vision trades/aggTrades files (.csv, or .zip holding one) into trade ticks.</summary>
public static class TradeFileReader
{
    public static (IReadOnlyList<TradeTick> Trades, IReadOnlyList<RowProblem> Problems) Read(string path)
    {
        var parser = new TradeCsvParser(Path.GetFileName(path));
        var trades = new List<TradeTick>();
        try
        {
            if (Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var zip = ZipFile.OpenRead(path);
                var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidDataException("the zip holds no .csv file");
                using var stream = entry.Open();
                parser.Parse(stream, trades);
            }
            else
            {
                using var stream = File.OpenRead(path);
                parser.Parse(stream, trades);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException ? "no such file" : e.Message.TrimEnd('.');
            throw new KlineFileException($"{path}: {reason}", e);
        }
        return (trades, parser.Problems);
    }
}
