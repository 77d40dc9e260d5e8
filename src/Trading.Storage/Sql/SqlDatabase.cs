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

    public abstract ValueTask DisposeAsync();
}
