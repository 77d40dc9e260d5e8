using Trading.Core.Model;
using Trading.Services.Import;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Backtesting.Golden;

/// <summary>BTCUSDT 1m from 2023-01-01 00:00 to 2023-01-31 23:59 UTC (44,640 candles) from the shared real data.</summary>
internal static class January2023
{
    private static readonly Lazy<Candle[]> Loaded = new(Load);

    public static Candle[] Candles => Loaded.Value;

    private static Candle[] Load()
    {
        var candles = new List<Candle>(44_640);
        for (var day = 1; day <= 31; day++)
        {
            var path = Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-2023-01-{day:00}.zip");
            candles.AddRange(KlineFileReader.Read(path).Candles);
        }
        return [.. candles];
    }
}
