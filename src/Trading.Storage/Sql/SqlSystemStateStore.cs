using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlSystemStateStore(SqlDatabase database) : ISystemStateStore
{
    public async Task SetAsync(string key, string value, CancellationToken ct = default)
    {
        await using var connection = await database.OpenWriterAsync(ct);
        await connection.Sql("""
            INSERT INTO system_state (key, value, updated_at) VALUES (@key, @value, @updated_at)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """)
            .With("key", key).With("value", value).WithTime("updated_at", DateTimeOffset.UtcNow)
            .RunAsync(ct);
    }

    public async Task<string?> GetAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql("SELECT value FROM system_state WHERE key = @key").With("key", key).FirstOrDefaultAsync(r => r.GetString(0), ct);
    }
}
