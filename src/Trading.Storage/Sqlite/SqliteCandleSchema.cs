namespace Trading.Storage.Sqlite;

/// <summary>
/// The SQLite candles table. Migration 1 creates it keyed by (symbol, timeframe, open_time); migration 3 moves the two
/// text key columns into <c>candle_series</c> and keys candles by (series_id, open_time), which makes every B-tree
/// comparison an integer one. Migration 10 adds the market to a series (existing series become spot): candles stay keyed
/// by (series_id, open_time), so a usdm series is one more series id and writes cost the same. Price columns have no declared type (BLOB affinity) so SQLite keeps what is written:
/// an INTEGER of value × 10^8 when that is exact, else the decimal's TEXT. See <see cref="ScaledDecimal"/>.
/// </summary>
internal static class SqliteCandleSchema
{
    public const string TextKeyedTable = """
        CREATE TABLE IF NOT EXISTS candles (
            symbol TEXT NOT NULL, timeframe TEXT NOT NULL, open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
            open NOT NULL, high NOT NULL, low NOT NULL, close NOT NULL, volume NOT NULL, quote_volume, trade_count INTEGER,
            PRIMARY KEY (symbol, timeframe, open_time)) WITHOUT ROWID
        """;

    /// <summary>Runs once, inside the migration transaction, converting whatever the text-keyed table holds.</summary>
    public const string SeriesKeyMigration = """
        CREATE TABLE IF NOT EXISTS candle_series (
            id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, timeframe TEXT NOT NULL, UNIQUE (symbol, timeframe));
        INSERT INTO candle_series (symbol, timeframe)
            SELECT DISTINCT symbol, timeframe FROM candles WHERE true ORDER BY symbol, timeframe
            ON CONFLICT (symbol, timeframe) DO NOTHING;
        CREATE TABLE candles_by_series (
            series_id INTEGER NOT NULL, open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
            open NOT NULL, high NOT NULL, low NOT NULL, close NOT NULL, volume NOT NULL, quote_volume, trade_count INTEGER,
            PRIMARY KEY (series_id, open_time)) WITHOUT ROWID;
        INSERT INTO candles_by_series
            SELECT s.id, c.open_time, c.close_time, c.open, c.high, c.low, c.close, c.volume, c.quote_volume, c.trade_count
            FROM candles c JOIN candle_series s ON s.symbol = c.symbol AND s.timeframe = c.timeframe
            ORDER BY s.id, c.open_time;
        DROP TABLE candles;
        ALTER TABLE candles_by_series RENAME TO candles
        """;

    /// <summary>Rebuilds candle_series with a market column, keeping every id (candles refer to them).</summary>
    public const string MarketMigration = """
        CREATE TABLE candle_series_by_market (
            id INTEGER PRIMARY KEY, market TEXT NOT NULL, symbol TEXT NOT NULL, timeframe TEXT NOT NULL,
            UNIQUE (market, symbol, timeframe));
        INSERT INTO candle_series_by_market (id, market, symbol, timeframe) SELECT id, 'spot', symbol, timeframe FROM candle_series;
        DROP TABLE candle_series;
        ALTER TABLE candle_series_by_market RENAME TO candle_series
        """;

    /// <summary>The series of one market (@market).</summary>
    public const string ListSeries = """
        SELECT s.symbol, s.timeframe, count(*), min(c.open_time), max(c.open_time), s.market
        FROM candle_series s JOIN candles c ON c.series_id = s.id
        WHERE s.market = @market
        GROUP BY s.id ORDER BY s.symbol, s.timeframe
        """;
}
