using Npgsql;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Postgres;

/// <summary>
/// Singleton locks of a PostgreSQL store: a session advisory lock (<c>pg_try_advisory_lock(7201, hashtext(name))</c>, a key
/// space apart from the trading lock's) on a connection of its own, held until released; the server drops it with the
/// holder's connection when its process dies.
/// </summary>
internal sealed class PostgresSingletonLocks(PostgresDatabase database) : ISingletonLocks
{
    private const int Namespace = 7201;

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connection = await database.DataSource.OpenConnectionAsync(ct);
        try
        {
            var taken = await connection.Sql($"SELECT pg_try_advisory_lock({Namespace}, hashtext(@name))::int").With("name", name).ScalarInt64Async(ct) == 1;
            if (taken) return new Held(connection, name);
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await connection.Sql($"SELECT pg_advisory_unlock({Namespace}, hashtext(@name))").With("name", name).RunAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
