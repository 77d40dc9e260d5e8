using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Postgres;

/// <summary>
/// Singleton locks of a PostgreSQL store: a session advisory lock (<c>pg_try_advisory_lock(7201, hashtext(name))</c>, a key
/// space apart from the trading lock's) on a connection of its own, held until released; the server drops it with the
/// holder's connection when its process dies. A session can also end under a live holder (PostgreSQL restarted, the
/// backend terminated), taking the lock with it: the holder notices within <see cref="CheckInterval"/> and takes it back
/// (see <see cref="PostgresSingletonLock"/>).
/// </summary>
internal sealed class PostgresSingletonLocks(PostgresDatabase database) : ISingletonLocks
{
    public const int Namespace = 7201;

    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(2);

    public async Task<ISingletonLock?> TryAcquireAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connection = await TryTakeAsync(database, name, ct);
        return connection is null ? null : new PostgresSingletonLock(database, name, connection, CheckInterval);
    }

    /// <summary>A new connection holding the lock on <paramref name="name"/>, or null when another session holds it.</summary>
    internal static async Task<Npgsql.NpgsqlConnection?> TryTakeAsync(PostgresDatabase database, string name, CancellationToken ct)
    {
        var connection = await database.DataSource.OpenConnectionAsync(ct);
        try
        {
            var taken = await connection.Sql($"SELECT pg_try_advisory_lock({Namespace}, hashtext(@name))::int").With("name", name).ScalarInt64Async(ct) == 1;
            if (taken) return connection;
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
