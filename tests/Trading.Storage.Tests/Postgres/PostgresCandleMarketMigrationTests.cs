using Npgsql;
using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure.Servers;

namespace Trading.Storage.Tests.Postgres;

/// <summary>
/// Migration 10 on a PostgreSQL store that migrations 1 to 6 built: its symbol-partitioned candles become the spot
/// partition of a market-partitioned table, every row unchanged, and usdm series get a partition of their own.
/// </summary>
public sealed class PostgresCandleMarketMigrationTests(PostgresServerFixture postgres)
{
    private static readonly Symbol Btc = new("BTCUSDT");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_Version6Database_KeepsItsCandlesAsSpotAndStoresUsdmApart()
    {
        var url = await postgres.CreateDatabaseAsync("market");
        await CreateVersion6CandlesAsync(url);

        await using var store = await TradingStoreFactory.OpenAsync(url, "/nonexistent-unused-by-postgres", Ct);

        (await ReadAsync(store.Candles)).Select(c => (c.OpenTimeMs, c.Close, c.QuoteVolume)).ShouldBe([(0L, 101.5m, (decimal?)5050.5m), (60_000L, 102m, null)]);
        (await store.Candles.ListSeriesAsync(Ct)).Select(s => (s.Market, s.Symbol.Name, s.Count)).ShouldBe([(MarketType.Spot, "BTCUSDT", 2L)]);
        (await store.CandlesOf(MarketType.Usdm).ListSeriesAsync(Ct)).ShouldBeEmpty();

        var futures = Enumerable.Range(0, 3).Select(i => new Candle(Btc, Timeframe.M1, i * 60_000L, 90m + i, 95m, 89m, 91m, 2m)).ToArray();
        await store.CandlesOf(MarketType.Usdm).UpsertAsync(futures, Ct);
        await store.Candles.UpsertAsync([new Candle(Btc, Timeframe.M1, 120_000, 1m, 1m, 1m, 1m, 1m), new Candle(Btc, Timeframe.M1, 0, 100m, 103m, 99m, 102m, 1m)], Ct);

        (await ReadAsync(store.CandlesOf(MarketType.Usdm))).ShouldBe(futures);
        (await ReadAsync(store.Candles)).Select(c => (c.OpenTimeMs, c.Close)).ShouldBe([(0L, 102m), (60_000L, 102m), (120_000L, 1m)]);
        (await PartitionOfAsync(url, "usdm_candles_btcusdt_1m")).ShouldBe("usdm_candles_btcusdt");
        (await PartitionOfAsync(url, "candles_btcusdt")).ShouldBe("spot_candles");
    }

    private static async Task<List<Candle>> ReadAsync(Core.Storage.ICandleStore candles)
    {
        var list = new List<Candle>();
        await foreach (var candle in candles.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)) list.Add(candle);
        return list;
    }

    private static async Task<string?> PartitionOfAsync(string url, string table)
    {
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE c.relname = @table", connection);
        command.Parameters.AddWithValue("table", table);
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>The candles table as migrations 1 and 4 left it, with one series and its partitions, and 1 to 6 recorded.</summary>
    private static async Task CreateVersion6CandlesAsync(string url)
    {
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, 'core schema', 0), (2, 'risk decisions', 0), (3, 'candle series ids', 0),
                (4, 'candle key led by open time', 0), (5, 'symbol filters', 0), (6, 'fill booking sequence', 0);
            CREATE TABLE candles (
                symbol text NOT NULL, timeframe text NOT NULL, open_time bigint NOT NULL, close_time bigint NOT NULL,
                open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL, volume numeric NOT NULL,
                quote_volume numeric, trade_count bigint, PRIMARY KEY (open_time, symbol, timeframe)) PARTITION BY LIST (symbol);
            CREATE TABLE candles_btcusdt PARTITION OF candles FOR VALUES IN ('BTCUSDT') PARTITION BY LIST (timeframe);
            CREATE TABLE candles_btcusdt_1m PARTITION OF candles_btcusdt FOR VALUES IN ('1m');
            INSERT INTO candles VALUES ('BTCUSDT', '1m', 0, 59999, 100, 102, 99, 101.5, 1, 5050.5, 7),
                ('BTCUSDT', '1m', 60000, 119999, 101.5, 103, 101, 102, 1, NULL, NULL);
            """, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
