using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>
/// One prepared upsert statement driven through the raw SQLite API, reused for every row of a transaction.
/// Symbol and timeframe stay bound across rows until they change.
/// </summary>
internal sealed class SqliteCandleWriter : IDisposable
{
    private const string Sql = """
        INSERT INTO candles (symbol, timeframe, open_time, close_time, open, high, low, close, volume, quote_volume, trade_count)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (symbol, timeframe, open_time) DO UPDATE SET close_time = excluded.close_time, open = excluded.open,
            high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume,
            quote_volume = excluded.quote_volume, trade_count = excluded.trade_count
        """;

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;
    private string? boundSymbol;
    private string? boundTimeframe;

    public SqliteCandleWriter(sqlite3 db)
    {
        this.db = db;
        SqliteRaw.Check(db, raw.sqlite3_prepare_v2(db, Sql, out statement));
        handle = statement.DangerousGetHandle();
    }

    public void Write(in Candle candle)
    {
        if (!string.Equals(boundSymbol, candle.Symbol.Name, StringComparison.Ordinal))
        {
            boundSymbol = candle.Symbol.Name;
            raw.sqlite3_bind_text(statement, 1, boundSymbol);
        }
        if (!string.Equals(boundTimeframe, candle.Timeframe.Name, StringComparison.Ordinal))
        {
            boundTimeframe = candle.Timeframe.Name;
            raw.sqlite3_bind_text(statement, 2, boundTimeframe);
        }
        SqliteNative.sqlite3_bind_int64(handle, 3, candle.OpenTimeMs);
        SqliteNative.sqlite3_bind_int64(handle, 4, candle.CloseTimeMs);
        if (!TryBindScaled(candle)) BindText(candle);
        if (candle.TradeCount is { } trades) SqliteNative.sqlite3_bind_int64(handle, 11, trades);
        else SqliteNative.sqlite3_bind_null(handle, 11);
        var rc = SqliteNative.sqlite3_step(handle);
        SqliteNative.sqlite3_reset(handle);
        if (rc != raw.SQLITE_DONE) SqliteRaw.Check(db, rc);
    }

    public void Dispose() => statement.Dispose();

    private bool TryBindScaled(in Candle c)
    {
        long quote = 0;
        if (!ScaledDecimal.TryEncode(c.Open, out var open) || !ScaledDecimal.TryEncode(c.High, out var high)
            || !ScaledDecimal.TryEncode(c.Low, out var low) || !ScaledDecimal.TryEncode(c.Close, out var close)
            || !ScaledDecimal.TryEncode(c.Volume, out var volume)
            || (c.QuoteVolume is { } q && !ScaledDecimal.TryEncode(q, out quote)))
            return false;
        SqliteNative.sqlite3_bind_int64(handle, 5, open);
        SqliteNative.sqlite3_bind_int64(handle, 6, high);
        SqliteNative.sqlite3_bind_int64(handle, 7, low);
        SqliteNative.sqlite3_bind_int64(handle, 8, close);
        SqliteNative.sqlite3_bind_int64(handle, 9, volume);
        if (c.QuoteVolume is null) SqliteNative.sqlite3_bind_null(handle, 10);
        else SqliteNative.sqlite3_bind_int64(handle, 10, quote);
        return true;
    }

    private void BindText(in Candle c)
    {
        raw.sqlite3_bind_text(statement, 5, Text(c.Open));
        raw.sqlite3_bind_text(statement, 6, Text(c.High));
        raw.sqlite3_bind_text(statement, 7, Text(c.Low));
        raw.sqlite3_bind_text(statement, 8, Text(c.Close));
        raw.sqlite3_bind_text(statement, 9, Text(c.Volume));
        if (c.QuoteVolume is { } q) raw.sqlite3_bind_text(statement, 10, Text(q));
        else SqliteNative.sqlite3_bind_null(handle, 10);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
