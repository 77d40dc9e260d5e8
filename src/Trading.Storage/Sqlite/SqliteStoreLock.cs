using Microsoft.Data.Sqlite;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>
/// The trading lock of a SQLite store: a BEGIN IMMEDIATE transaction, held open, on a lock file beside the database
/// (<c>trading.db.lock</c>). It cannot be taken on the database file itself, because the holder's own writes go through
/// other connections and would wait for it. Other processes wait in SQLite's busy handler; this process's holders queue
/// in order first. The operating system drops the file lock when its process dies.
/// </summary>
internal sealed class SqliteStoreLock(string databasePath) : IStoreLock
{
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath + ".lock", Pooling = true, DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken ct = default)
    {
        await _turn.WaitAsync(ct);
        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct);
            await connection.Sql($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}").RunAsync(ct);
            await connection.Sql("BEGIN IMMEDIATE").RunAsync(ct);
            return new Held(connection, _turn);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _turn.Release();
            throw;
        }
    }

    private sealed class Held(SqliteConnection connection, SemaphoreSlim turn) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await connection.Sql("ROLLBACK").RunAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
                turn.Release();
            }
        }
    }
}
