using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests.Sqlite;

/// <summary>A bulk candle batch leaves its pages in the WAL; closing the store must still copy them into the file.</summary>
public sealed class SqliteBulkCheckpointTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("trading-sqlite-bulk-").FullName;
    private readonly string copyDir = Directory.CreateTempSubdirectory("trading-sqlite-bulk-copy-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_AfterBulkUpsert_DatabaseFileAloneHoldsEveryRow()
    {
        var btc = new Symbol("BTCUSDT");
        await using (var store = await TradingStoreFactory.OpenAsync(null, dataDir, Ct))
        {
            await store.Candles.UpsertAsync(
                Enumerable.Range(0, 30_000).Select(i => new Candle(btc, Timeframe.M1, i * 60_000L, 10m, 12m, 9m, 11m, 1m)), Ct);
        }

        File.Copy(Path.Combine(dataDir, TradingStoreFactory.SqliteFileName), Path.Combine(copyDir, TradingStoreFactory.SqliteFileName));
        await using var copy = await TradingStoreFactory.OpenAsync(null, copyDir, Ct);
        (await copy.Candles.CountAsync(btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)).ShouldBe(30_000);
    }

    public void Dispose()
    {
        Directory.Delete(dataDir, recursive: true);
        Directory.Delete(copyDir, recursive: true);
    }
}
