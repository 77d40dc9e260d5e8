using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Trading.Storage.Sqlite;

internal static class SqliteRaw
{
    /// <summary>Throws the same exception Microsoft.Data.Sqlite would for a failed raw call.</summary>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
    }
}
