using System.Data.Common;
using Npgsql;
using Trading.Storage.Sql;

namespace Trading.Storage.Postgres;

/// <summary>A PostgreSQL database reached through a pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresDatabase(string connectionString) : SqlDatabase
{
    // Candles are LIST-partitioned by symbol, then by timeframe; leaf partitions are created on first write. Migration 4
    // re-orders the key to (open_time, symbol, timeframe); migration 10 puts a market level on top (see MarketLevel).
    private static readonly SchemaSql Schema = new("numeric", "boolean", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", """
        CREATE TABLE IF NOT EXISTS candles (
            symbol text NOT NULL, timeframe text NOT NULL, open_time bigint NOT NULL, close_time bigint NOT NULL,
            open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL, volume numeric NOT NULL,
            quote_volume numeric, trade_count bigint,
            PRIMARY KEY (symbol, timeframe, open_time)) PARTITION BY LIST (symbol)
        """, CandleSeriesKey: "SELECT 1", CandleMarketKey: MarketLevel, CandleTimeLedKey: TimeLedKey);

    // Within a leaf partition symbol and timeframe are constant, so a key that leads with them makes every B-tree
    // comparison of a bulk COPY walk two text columns before reaching the time. Leading with open_time decides almost
    // every comparison on one fixed-width integer. ON CONFLICT (symbol, timeframe, open_time) still infers this key:
    // inference matches the set of columns, not their order.
    private const string TimeLedKey = """
        ALTER TABLE candles DROP CONSTRAINT candles_pkey;
        ALTER TABLE candles ADD PRIMARY KEY (open_time, symbol, timeframe)
        """;

    // The symbol-partitioned table becomes the spot partition of a new candles table LIST-partitioned by market, and usdm gets
    // a sibling with the same shape. Existing rows and their keys stay where they are (only the market column is added, a
    // catalogue change), so a spot store reads and writes as before. Each market table keeps its own (open_time, symbol,
    // timeframe) key, which the upserts target. The market column goes last, in the order ADD COLUMN gives the spot tree.
    private const string MarketLevel = """
        ALTER TABLE candles RENAME TO spot_candles;
        ALTER TABLE spot_candles ADD COLUMN market text NOT NULL DEFAULT 'spot';
        CREATE TABLE candles (
            symbol text NOT NULL, timeframe text NOT NULL, open_time bigint NOT NULL, close_time bigint NOT NULL,
            open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL, volume numeric NOT NULL,
            quote_volume numeric, trade_count bigint, market text NOT NULL) PARTITION BY LIST (market);
        ALTER TABLE candles ATTACH PARTITION spot_candles FOR VALUES IN ('spot');
        CREATE TABLE usdm_candles PARTITION OF candles (PRIMARY KEY (open_time, symbol, timeframe))
            FOR VALUES IN ('usdm') PARTITION BY LIST (symbol)
        """;

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public override string Provider => "postgresql";

    public override IReadOnlyList<Migration> Migrations { get; } = Schema.Migrations();

    public override string TableExistsSql => "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = @name";

    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7201002)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await DataSource.OpenConnectionAsync(ct);

    public override ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
