using Trading.Core.Storage;

namespace Trading.Storage.Sql;

/// <summary>Applies numbered migrations once each, recording them in schema_migrations, all in one transaction.</summary>
internal sealed class MigrationRunner(SqlDatabase database)
{
    private const string CreateTableSql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    public async Task<IReadOnlyList<MigrationStatus>> StatusAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var exists = await connection.Sql(database.TableExistsSql).With("name", "schema_migrations").ScalarInt64Async(ct) > 0;
        var applied = exists ? await ReadAppliedAsync(connection, null, ct) : new Dictionary<int, DateTimeOffset>();
        return Describe(applied);
    }

    public async Task<IReadOnlyList<MigrationStatus>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (database.MigrationLockSql is { } lockSql)
            await connection.Sql(lockSql, transaction).RunAsync(ct);
        await connection.Sql(CreateTableSql, transaction).RunAsync(ct);
        var applied = await ReadAppliedAsync(connection, transaction, ct);
        foreach (var migration in database.Migrations.Where(m => !applied.ContainsKey(m.Version)).OrderBy(m => m.Version))
        {
            await connection.Sql(migration.Sql, transaction).RunAsync(ct);
            var now = DateTimeOffset.UtcNow;
            await connection.Sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction)
                .With("version", migration.Version).With("name", migration.Name).WithTime("at", now).RunAsync(ct);
            applied[migration.Version] = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        }
        await transaction.CommitAsync(ct);
        return Describe(applied);
    }

    private static async Task<Dictionary<int, DateTimeOffset>> ReadAppliedAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct)
    {
        var rows = await connection.Sql("SELECT version, applied_at FROM schema_migrations", transaction)
            .ListAsync(r => (Version: r.GetInt32(0), At: r.GetTime(1)), ct);
        return rows.ToDictionary(r => r.Version, r => r.At);
    }

    private IReadOnlyList<MigrationStatus> Describe(Dictionary<int, DateTimeOffset> applied) =>
        database.Migrations.OrderBy(m => m.Version)
            .Select(m => new MigrationStatus(m.Version, m.Name, applied.ContainsKey(m.Version), applied.TryGetValue(m.Version, out var at) ? at : null))
            .ToList();
}
