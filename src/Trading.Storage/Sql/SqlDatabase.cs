using System.Data.Common;

namespace Trading.Storage.Sql;

/// <summary>What differs between the two engines for the shared stores: how to connect, and a few catalogue queries.</summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Returns a count of tables named @name in the current schema.</summary>
    public abstract string TableExistsSql { get; }

    /// <summary>Serialises concurrent migrators inside the migration transaction, when the engine needs it.</summary>
    public virtual string? MigrationLockSql => null;

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// A connection for one write transaction. SQLite has one writer at a time: its writers in this process queue here
    /// in order, rather than meeting on the file lock, where the loser sleeps in SQLite's busy handler (1, 2, 5, 10… ms).
    /// Engines with row locks just open. Never open a second writer while holding one.
    /// </summary>
    public virtual ValueTask<DbConnection> OpenWriterAsync(CancellationToken ct) => OpenAsync(ct);

    public abstract ValueTask DisposeAsync();
}
