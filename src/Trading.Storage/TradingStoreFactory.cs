using Trading.Core.Storage;
using Trading.Storage.Postgres;
using Trading.Storage.Sql;
using Trading.Storage.Sqlite;

namespace Trading.Storage;

/// <summary>Opens the configured store: PostgreSQL when a database URL is set, else SQLite in the data directory.</summary>
public static class TradingStoreFactory
{
    public const string SqliteFileName = "trading.db";

    /// <summary>Opens the store and applies pending migrations.</summary>
    public static async Task<ITradingStore> OpenAsync(string? databaseUrl, string dataDir, CancellationToken ct = default)
    {
        var store = await ConnectAsync(databaseUrl, dataDir, ct);
        try
        {
            await store.MigrateAsync(ct);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the store without migrating it (for `db status`). A malformed URL throws <see cref="FormatException"/>.</summary>
    public static async Task<ITradingStore> ConnectAsync(string? databaseUrl, string dataDir, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            var postgres = new PostgresDatabase(PostgresConnectionString.FromUrl(databaseUrl));
            return new SqlTradingStore(postgres, market => new PostgresCandleStore(postgres, market), new PostgresStoreLock(postgres), new PostgresSingletonLocks(postgres));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var sqlite = await SqliteDatabase.OpenFileAsync(Path.Combine(dataDir, SqliteFileName), ct);
        return new SqlTradingStore(sqlite, market => new SqliteCandleStore(sqlite, market), new SqliteStoreLock(sqlite.FilePath), new FileSingletonLocks(sqlite.FilePath));
    }
}
