using SQLitePCL;

namespace Trading.Storage.Sqlite;

/// <summary>
/// A connection opened straight through SQLitePCL for bulk candle reads and writes, outside Microsoft.Data.Sqlite's
/// pool. It is opened with SQLITE_OPEN_NOMUTEX: it is never shared between threads at once (like any ADO.NET
/// connection), so SQLite's per-call connection mutex is pure overhead on the per-row bind and column calls.
/// </summary>
internal sealed class SqliteRawConnection : IDisposable
{
    private readonly bool owned;

    /// <summary>Wraps an open handle; <paramref name="owned"/> false leaves closing it to its owner (e.g. a pooled connection).</summary>
    public SqliteRawConnection(sqlite3 handle, bool owned)
    {
        Handle = handle;
        this.owned = owned;
    }

    public sqlite3 Handle { get; }

    public static SqliteRawConnection Open(string path)
    {
        var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX, null);
        var connection = new SqliteRawConnection(db, owned: true);
        try
        {
            SqliteRaw.Check(db, rc);
            connection.Execute("PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Execute(string sql) => SqliteRaw.Check(Handle, raw.sqlite3_exec(Handle, sql));

    /// <summary>The first column of the first row of a query whose parameters are ?1, ?2, ... in order.</summary>
    public long QueryInt64(string sql, params ReadOnlySpan<long> parameters)
    {
        SqliteRaw.Check(Handle, raw.sqlite3_prepare_v2(Handle, sql, out var statement));
        using (statement)
        {
            for (var i = 0; i < parameters.Length; i++) raw.sqlite3_bind_int64(statement, i + 1, parameters[i]);
            var rc = raw.sqlite3_step(statement);
            SqliteRaw.Check(Handle, rc);
            return rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : 0;
        }
    }

    /// <summary>Rolls back the open transaction, if SQLite has not already done so after an error.</summary>
    public void RollBack()
    {
        if (raw.sqlite3_get_autocommit(Handle) == 0) Execute("ROLLBACK");
    }

    public void Dispose()
    {
        if (owned) Handle.Dispose();
    }
}
