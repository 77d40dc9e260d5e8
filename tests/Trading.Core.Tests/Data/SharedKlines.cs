using System.IO.Compression;
using Trading.Core.Data;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Core.Tests.Data;

/// <summary>Reads the shared BTCUSDT daily kline zips in place (tests only; production reads files through Services).</summary>
internal static class SharedKlines
{
    public static IEnumerable<Candle> Read(Timeframe timeframe, DateOnly from, DateOnly to)
    {
        var dir = timeframe == Timeframe.M1 ? RepoPaths.BtcUsdt1mDir : RepoPaths.BtcUsdt1hDir;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var name = $"BTCUSDT-{timeframe}-{day:yyyy-MM-dd}";
            using var zip = ZipFile.OpenRead(Path.Combine(dir, name + ".zip"));
            using var stream = zip.Entries.Single().Open();
            var parser = new KlineCsvParser(name, new Symbol("BTCUSDT"), timeframe);
            var candles = new List<Candle>(1440);
            parser.Parse(stream, candles);
            if (parser.Problems.Count > 0) throw new InvalidDataException(parser.Problems[0].ToString());
            foreach (var candle in candles) yield return candle;
        }
    }
}
