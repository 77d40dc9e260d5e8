using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>Maps (market, symbol, timeframe) to the integer id that keys candles in SQLite (table <c>candle_series</c>).</summary>
internal static class SqliteCandleSeries
{
    public static long? Find(sqlite3 db, MarketType market, Symbol symbol, Timeframe timeframe)
    {
        SqliteRaw.Check(db, raw.sqlite3_prepare_v2(db, "SELECT id FROM candle_series WHERE symbol = ?1 AND timeframe = ?2 AND market = ?3", out var statement));
        using (statement)
        {
            raw.sqlite3_bind_text(statement, 1, symbol.Name);
            raw.sqlite3_bind_text(statement, 2, timeframe.Name);
            raw.sqlite3_bind_text(statement, 3, MarketNames.Name(market));
            var rc = raw.sqlite3_step(statement);
            SqliteRaw.Check(db, rc);
            return rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : null;
        }
    }

    /// <summary>Creates the series row if it is missing; call inside the writing transaction.</summary>
    public static long GetOrCreate(sqlite3 db, MarketType market, Symbol symbol, Timeframe timeframe)
    {
        if (Find(db, market, symbol, timeframe) is { } id) return id;
        SqliteRaw.Check(db, raw.sqlite3_prepare_v2(db, "INSERT INTO candle_series (symbol, timeframe, market) VALUES (?1, ?2, ?3)", out var statement));
        using (statement)
        {
            raw.sqlite3_bind_text(statement, 1, symbol.Name);
            raw.sqlite3_bind_text(statement, 2, timeframe.Name);
            raw.sqlite3_bind_text(statement, 3, MarketNames.Name(market));
            SqliteRaw.Check(db, raw.sqlite3_step(statement));
        }
        return raw.sqlite3_last_insert_rowid(db);
    }
}
