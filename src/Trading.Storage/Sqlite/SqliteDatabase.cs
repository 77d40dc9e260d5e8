using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>One SQLite file in WAL mode, reached through Microsoft.Data.Sqlite's connection pool.</summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private static readonly SchemaSql Schema = new("TEXT", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT",
        SqliteCandleSchema.TextKeyedTable, SqliteCandleSchema.SeriesKeyMigration, SqliteCandleSchema.MarketMigration);

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object ConfiguredMark = new();

    private readonly string connectionString;
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly SqliteCheckpointer checkpointer;

    private SqliteDatabase(string path)
    {
        FilePath = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        checkpointer = new SqliteCheckpointer(OpenSqliteAsync);
    }

    public string FilePath { get; }

    public override string Provider => "sqlite";

    public override IReadOnlyList<Migration> Migrations { get; } = Schema.Migrations();

    public override string TableExistsSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    public static async Task<SqliteDatabase> OpenFileAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var database = new SqliteDatabase(path);
        await using var connection = await database.OpenAsync(ct);
        // A new file only. Larger pages speed bulk candle writes and reads, but every small commit on the order path writes
        // each page it touches to the WAL in full: 16 KiB doubled and 32 KiB tripled the candle → order p99 against 8 KiB,
        // while 4 KiB slowed bulk writes ~30%. 8 KiB met both goals (BENCHMARKS.md, "page-size trade-off").
        await connection.Sql("PRAGMA page_size = 8192; PRAGMA journal_mode = WAL").RunAsync(ct);
        return database;
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await OpenSqliteAsync(ct);

    public override async ValueTask<DbConnection> OpenWriterAsync(CancellationToken ct) => await OpenSqliteWriterAsync(ct);

    /// <summary>A pooled connection that holds this file's in-process write turn until it is disposed.</summary>
    public async ValueTask<SqliteConnection> OpenSqliteWriterAsync(CancellationToken ct)
    {
        await writer.WaitAsync(ct);
        // Disposing the connection gives the turn back, also when opening it fails.
        return await OpenPooledAsync(new SqliteWriterConnection(connectionString, ExitWrite), ct);
    }

    /// <summary>Waits for this file's in-process write turn, for writers on their own raw connection; end it with <see cref="ExitWrite"/>.</summary>
    public void EnterWrite(CancellationToken ct) => writer.Wait(ct);

    public void ExitWrite()
    {
        writer.Release();
        checkpointer.Request();
    }

    public ValueTask<SqliteConnection> OpenSqliteAsync(CancellationToken ct) => OpenPooledAsync(new SqliteConnection(connectionString), ct);

    private static async ValueTask<SqliteConnection> OpenPooledAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.OpenAsync(ct);
            // Connection settings outlive a trip through the pool: set them once per SQLite handle, not on every open.
            if (!Configured.TryGetValue(connection.Handle!, out _))
            {
                await connection.Sql("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 0").RunAsync(ct);
                Configured.AddOrUpdate(connection.Handle!, ConfiguredMark);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await checkpointer.DisposeAsync();
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
