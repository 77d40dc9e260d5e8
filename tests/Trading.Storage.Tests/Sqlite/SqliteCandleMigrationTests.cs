using Microsoft.Data.Sqlite;
using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests.Sqlite;

/// <summary>Migration 3 re-keys an existing SQLite file's candles by series id without losing or changing a row.</summary>
public sealed class SqliteCandleMigrationTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("trading-sqlite-migration-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_TextKeyedCandlesFromVersion2_ConvertsEveryRowLosslessly()
    {
        await CreateVersion2FileAsync();

        await using var store = await TradingStoreFactory.OpenAsync(null, dataDir, Ct);

        var btc = await ReadAsync(store, new Symbol("BTCUSDT"), Timeframe.M1);
        btc.Select(c => (c.OpenTimeMs, c.Close, c.QuoteVolume, c.TradeCount)).ShouldBe(
            [(0L, 101.5m, (decimal?)5050.5m, (long?)7L), (60_000L, 0.123456789012m, 12.3456789012m, null)]);
        btc[1].Open.ShouldBe(0.1000000000001m);
        var eth = await ReadAsync(store, new Symbol("ETHUSDT"), Timeframe.H1);
        eth.Select(c => (c.OpenTimeMs, c.High)).ShouldBe([(3_600_000L, 12.5m)]);
        var series = await store.Candles.ListSeriesAsync(Ct);
        series.Select(s => (s.Symbol.Name, s.Timeframe.Name, s.Count)).ShouldBe([("BTCUSDT", "1m", 2L), ("ETHUSDT", "1h", 1L)]);
        (await store.GetMigrationStatusAsync(Ct)).ShouldAllBe(m => m.Applied);
    }

    [Fact]
    public async Task UpsertAsync_AfterConversion_UpdatesConvertedRowWithoutDuplicate()
    {
        await CreateVersion2FileAsync();
        await using var store = await TradingStoreFactory.OpenAsync(null, dataDir, Ct);

        var replacement = new Candle(new Symbol("BTCUSDT"), Timeframe.M1, 0, 100m, 103m, 99m, 102m, 1m);
        await store.Candles.UpsertAsync([replacement], Ct);

        var btc = await ReadAsync(store, new Symbol("BTCUSDT"), Timeframe.M1);
        btc.Count.ShouldBe(2);
        btc[0].ShouldBe(replacement);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task<List<Candle>> ReadAsync(Core.Storage.ITradingStore store, Symbol symbol, Timeframe timeframe)
    {
        var list = new List<Candle>();
        await foreach (var candle in store.Candles.ReadAsync(symbol, timeframe, long.MinValue, long.MaxValue, Ct)) list.Add(candle);
        return list;
    }

    /// <summary>A file as the store wrote it before migration 3: candles keyed by (symbol, timeframe, open_time).</summary>
    private async Task CreateVersion2FileAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, TradingStoreFactory.SqliteFileName)};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, 'core schema', 0), (2, 'risk decisions', 0);
            CREATE TABLE candles (
                symbol TEXT NOT NULL, timeframe TEXT NOT NULL, open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
                open NOT NULL, high NOT NULL, low NOT NULL, close NOT NULL, volume NOT NULL, quote_volume, trade_count INTEGER,
                PRIMARY KEY (symbol, timeframe, open_time)) WITHOUT ROWID;
            INSERT INTO candles VALUES
                ('BTCUSDT', '1m', 0, 59999, 10000000000, 10200000000, 9900000000, 10150000000, 100000000, 505050000000, 7),
                ('BTCUSDT', '1m', 60000, 119999, '0.1000000000001', '0.2', '0.1', '0.123456789012', '1', '12.3456789012', NULL),
                ('ETHUSDT', '1h', 3600000, 7199999, 1000000000, 1250000000, 900000000, 1100000000, 0, NULL, NULL);
            CREATE TABLE fills (
                id TEXT PRIMARY KEY, order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, price TEXT NOT NULL,
                quantity TEXT NOT NULL, fee TEXT NOT NULL, fee_asset TEXT NOT NULL, is_maker INTEGER NOT NULL, time BIGINT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
