using System.Globalization;
using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>A raw prepared SELECT over candles of one series, decoding rows straight into <see cref="Candle"/> values.</summary>
internal sealed class SqliteCandleQuery : IDisposable
{
    // NULL quote volumes and trade counts come back as -1, which no valid candle holds (both are checked ≥ 0), so a
    // row needs one type check instead of three.
    private const string Columns = "open_time, close_time, open, high, low, close, volume, coalesce(quote_volume, -1), coalesce(trade_count, -1)";
    private const long Null = -1;

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;
    private readonly nint mutex;
    private readonly Symbol symbol;
    private readonly Timeframe timeframe;

    /// <summary><paramref name="whereAndOrder"/> may use ?1 series id, ?2 from and ?3 to.</summary>
    public SqliteCandleQuery(sqlite3 db, string whereAndOrder, Symbol symbol, Timeframe timeframe, long seriesId, long fromMs, long toMs)
    {
        this.db = db;
        this.symbol = symbol;
        this.timeframe = timeframe;
        SqliteRaw.Check(db, raw.sqlite3_prepare_v2(db, $"SELECT {Columns} FROM candles {whereAndOrder}", out statement));
        handle = statement.DangerousGetHandle();
        mutex = SqliteNative.sqlite3_db_mutex(db.DangerousGetHandle());
        raw.sqlite3_bind_int64(statement, 1, seriesId);
        raw.sqlite3_bind_int64(statement, 2, fromMs);
        raw.sqlite3_bind_int64(statement, 3, toMs);
    }

    public bool TryRead(out Candle candle)
    {
        if (mutex == 0) return TryReadLocked(out candle);
        SqliteNative.sqlite3_mutex_enter(mutex);
        try
        {
            return TryReadLocked(out candle);
        }
        finally
        {
            SqliteNative.sqlite3_mutex_leave(mutex);
        }
    }

    private bool TryReadLocked(out Candle candle)
    {
        var rc = SqliteNative.sqlite3_step(handle);
        if (rc != raw.SQLITE_ROW)
        {
            SqliteRaw.Check(db, rc);
            candle = default;
            return false;
        }
        var s = handle;
        var scaled = SqliteNative.sqlite3_column_type(s, 2) == raw.SQLITE_INTEGER;
        candle = new Candle(symbol, timeframe, SqliteNative.sqlite3_column_int64(s, 0),
            Decimal(2, scaled), Decimal(3, scaled), Decimal(4, scaled), Decimal(5, scaled), Decimal(6, scaled))
        {
            CloseTimeMs = SqliteNative.sqlite3_column_int64(s, 1),
            QuoteVolume = scaled || SqliteNative.sqlite3_column_type(s, 7) == raw.SQLITE_INTEGER
                ? SqliteNative.sqlite3_column_int64(s, 7) is var quote and not Null ? ScaledDecimal.Decode(quote) : null
                : Decimal(7, scaled: false),
            TradeCount = SqliteNative.sqlite3_column_int64(s, 8) is var trades and not Null ? trades : null,
        };
        return true;
    }

    public void Dispose() => statement.Dispose();

    private decimal Decimal(int column, bool scaled) => scaled
        ? ScaledDecimal.Decode(SqliteNative.sqlite3_column_int64(handle, column))
        : decimal.Parse(raw.sqlite3_column_text(statement, column).utf8_to_string(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
