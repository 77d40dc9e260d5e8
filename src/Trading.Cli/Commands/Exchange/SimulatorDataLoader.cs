using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.Import;
using Trading.Storage;

namespace Trading.Cli.Commands.Exchange;

/// <summary>Candles for the simulator: every series of a store directory (holding trading.db), or kline zip/CSV files and folders.</summary>
internal static class SimulatorDataLoader
{
    public static async Task<List<Candle>> LoadAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        var candles = new Dictionary<(Symbol, Timeframe, long), Candle>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(Path.Combine(path, TradingStoreFactory.SqliteFileName)))
            {
                await using var store = await TradingStoreFactory.ConnectAsync(null, path, ct);
                foreach (var c in await SimulatedMarket.ReadStoreAsync(store.Candles, ct)) candles[(c.Symbol, c.Timeframe, c.OpenTimeMs)] = c;
            }
            else files.Add(path);
        }
        if (files.Count > 0)
        {
            foreach (var file in KlineFileReader.ExpandPaths(files))
            {
                foreach (var c in KlineFileReader.Read(file).Candles) candles[(c.Symbol, c.Timeframe, c.OpenTimeMs)] = c;
            }
        }
        return [.. candles.Values];
    }
}
