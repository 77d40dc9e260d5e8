using System.Globalization;
using System.Text;
using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>
/// A prepared upsert of <see cref="Rows"/> candles of one series in one statement (?1, the series id, is shared by
/// every row), driven through the raw SQLite API. Bindings persist across executions until they change. Each row is
/// validated while it is bound, before the statement runs.
/// </summary>
internal sealed class CandleInsertStatement : IDisposable
{
    private const int FieldsPerRow = 9;

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;
    private readonly nint mutex;
    private long boundSeries = -1;

    public CandleInsertStatement(sqlite3 db, int rows)
    {
        this.db = db;
        Rows = rows;
        SqliteRaw.Check(db, raw.sqlite3_prepare_v2(db, BuildSql(rows), out statement));
        handle = statement.DangerousGetHandle();
        mutex = SqliteNative.sqlite3_db_mutex(db.DangerousGetHandle());
    }

    public int Rows { get; }

    /// <summary>Holds the connection mutex while binding and stepping, so each call's own locking is a cheap re-entry.</summary>
    public void Lock()
    {
        if (mutex != 0) SqliteNative.sqlite3_mutex_enter(mutex);
    }

    public void Unlock()
    {
        if (mutex != 0) SqliteNative.sqlite3_mutex_leave(mutex);
    }

    public void BindSeries(long seriesId)
    {
        if (boundSeries == seriesId) return;
        boundSeries = seriesId;
        SqliteNative.sqlite3_bind_int64(handle, 1, seriesId);
    }

    public void BindRow(int row, in Candle c)
    {
        var at = 2 + (row * FieldsPerRow);
        if (ScaledCandle.TryEncode(c, out var scaled))
        {
            if (!scaled.PassesChecks(c)) c.Validate();
            BindScaled(at + 2, c, scaled);
        }
        else
        {
            c.Validate();
            BindText(at + 2, c);
        }
        SqliteNative.sqlite3_bind_int64(handle, at, c.OpenTimeMs);
        SqliteNative.sqlite3_bind_int64(handle, at + 1, c.CloseTimeMs);
        if (c.TradeCount is { } trades) SqliteNative.sqlite3_bind_int64(handle, at + 8, trades);
        else SqliteNative.sqlite3_bind_null(handle, at + 8);
    }

    public void Execute()
    {
        var rc = SqliteNative.sqlite3_step(handle);
        SqliteNative.sqlite3_reset(handle);
        if (rc != raw.SQLITE_DONE) SqliteRaw.Check(db, rc);
    }

    public void Dispose() => statement.Dispose();

    private static string BuildSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO candles (series_id, open_time, close_time, open, high, low, close, volume, quote_volume, trade_count) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            var at = 2 + (row * FieldsPerRow);
            sql.Append(row == 0 ? "(?1" : ", (?1");
            for (var field = 0; field < FieldsPerRow; field++) sql.Append(CultureInfo.InvariantCulture, $", ?{at + field}");
            sql.Append(')');
        }
        sql.Append("""
             ON CONFLICT (series_id, open_time) DO UPDATE SET close_time = excluded.close_time, open = excluded.open,
                high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume,
                quote_volume = excluded.quote_volume, trade_count = excluded.trade_count
            """);
        return sql.ToString();
    }

    private void BindScaled(int at, in Candle c, in ScaledCandle scaled)
    {
        SqliteNative.sqlite3_bind_int64(handle, at, scaled.Open);
        SqliteNative.sqlite3_bind_int64(handle, at + 1, scaled.High);
        SqliteNative.sqlite3_bind_int64(handle, at + 2, scaled.Low);
        SqliteNative.sqlite3_bind_int64(handle, at + 3, scaled.Close);
        SqliteNative.sqlite3_bind_int64(handle, at + 4, scaled.Volume);
        if (c.QuoteVolume is null) SqliteNative.sqlite3_bind_null(handle, at + 5);
        else SqliteNative.sqlite3_bind_int64(handle, at + 5, scaled.QuoteVolume);
    }

    private void BindText(int at, in Candle c)
    {
        raw.sqlite3_bind_text(statement, at, Text(c.Open));
        raw.sqlite3_bind_text(statement, at + 1, Text(c.High));
        raw.sqlite3_bind_text(statement, at + 2, Text(c.Low));
        raw.sqlite3_bind_text(statement, at + 3, Text(c.Close));
        raw.sqlite3_bind_text(statement, at + 4, Text(c.Volume));
        if (c.QuoteVolume is { } q) raw.sqlite3_bind_text(statement, at + 5, Text(q));
        else SqliteNative.sqlite3_bind_null(handle, at + 5);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
