using System.Data.Common;
using Microsoft.Data.Sqlite;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>One SQLite file in WAL mode, reached through Microsoft.Data.Sqlite's connection pool.</summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private static readonly SchemaSql Schema = new("TEXT", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT",
        SqliteCandleSchema.TextKeyedTable, SqliteCandleSchema.SeriesKeyMigration);

    private readonly string connectionString;

    private SqliteDatabase(string path)
    {
        FilePath = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
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
        // 32 KiB pages measured ~8% less CPU per bulk-written candle than 16 KiB (and 16 KiB ~8% less than 4 KiB); it only applies to a new file.
        await connection.Sql("PRAGMA page_size = 32768; PRAGMA journal_mode = WAL").RunAsync(ct);
        return database;
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await OpenSqliteAsync(ct);

    public async ValueTask<SqliteConnection> OpenSqliteAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.Sql("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000").RunAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
