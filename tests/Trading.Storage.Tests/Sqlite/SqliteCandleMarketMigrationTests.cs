using Microsoft.Data.Sqlite;
using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests.Sqlite;

/// <summary>Migration 10 gives an existing SQLite file's candle series a market: every existing series becomes spot, unchanged.</summary>
public sealed class SqliteCandleMarketMigrationTests : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly string dataDir = Directory.CreateTempSubdirectory("trading-sqlite-market-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_Version6File_KeepsItsSeriesAsSpotAndStoresUsdmApart()
    {
        await CreateVersion6FileAsync();

        await using var store = await TradingStoreFactory.OpenAsync(null, dataDir, Ct);

        var spot = await ReadAsync(store.Candles, Btc, Timeframe.M1);
        spot.Select(c => (c.OpenTimeMs, c.Close, c.TradeCount)).ShouldBe([(0L, 101.5m, (long?)7L), (60_000L, 0.123456789012m, null)]);
        (await store.Candles.ListSeriesAsync(Ct)).Select(s => (s.Market, s.Symbol.Name, s.Timeframe.Name, s.Count))
            .ShouldBe([(MarketType.Spot, "BTCUSDT", "1m", 2L), (MarketType.Spot, "ETHUSDT", "1h", 1L)]);
        (await store.CandlesOf(MarketType.Usdm).ListSeriesAsync(Ct)).ShouldBeEmpty();
        (await store.GetMigrationStatusAsync(Ct)).ShouldAllBe(m => m.Applied);

        var futures = new Candle(Btc, Timeframe.M1, 0, 100m, 103m, 99m, 102m, 1m);
        await store.CandlesOf(MarketType.Usdm).UpsertAsync([futures], Ct);
        await store.Candles.UpsertAsync([new Candle(Btc, Timeframe.M1, 120_000, 1m, 1m, 1m, 1m, 1m)], Ct);

        (await ReadAsync(store.CandlesOf(MarketType.Usdm), Btc, Timeframe.M1)).ShouldBe([futures]);
        (await ReadAsync(store.Candles, Btc, Timeframe.M1)).Select(c => c.OpenTimeMs).ShouldBe([0L, 60_000L, 120_000L]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task<List<Candle>> ReadAsync(Core.Storage.ICandleStore candles, Symbol symbol, Timeframe timeframe)
    {
        var list = new List<Candle>();
        await foreach (var candle in candles.ReadAsync(symbol, timeframe, long.MinValue, long.MaxValue, Ct)) list.Add(candle);
        return list;
    }

    /// <summary>The candle tables as migrations 1 to 6 left them: series keyed by (symbol, timeframe), no market.</summary>
    private async Task CreateVersion6FileAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, TradingStoreFactory.SqliteFileName)};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, 'core schema', 0), (2, 'risk decisions', 0), (3, 'candle series ids', 0),
                (4, 'candle key led by open time', 0), (5, 'symbol filters', 0), (6, 'fill booking sequence', 0);
            CREATE TABLE candle_series (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, timeframe TEXT NOT NULL, UNIQUE (symbol, timeframe));
            INSERT INTO candle_series VALUES (1, 'BTCUSDT', '1m'), (2, 'ETHUSDT', '1h');
            CREATE TABLE candles (
                series_id INTEGER NOT NULL, open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
                open NOT NULL, high NOT NULL, low NOT NULL, close NOT NULL, volume NOT NULL, quote_volume, trade_count INTEGER,
                PRIMARY KEY (series_id, open_time)) WITHOUT ROWID;
            INSERT INTO candles VALUES
                (1, 0, 59999, 10000000000, 10200000000, 9900000000, 10150000000, 100000000, 505050000000, 7),
                (1, 60000, 119999, '0.1000000000001', '0.2', '0.1', '0.123456789012', '1', '12.3456789012', NULL),
                (2, 3600000, 7199999, 1000000000, 1250000000, 900000000, 1100000000, 0, NULL, NULL);
            CREATE TABLE fills (
                id TEXT PRIMARY KEY, order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, price TEXT NOT NULL,
                quantity TEXT NOT NULL, fee TEXT NOT NULL, fee_asset TEXT NOT NULL, is_maker INTEGER NOT NULL, time BIGINT NOT NULL, seq BIGINT);
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
