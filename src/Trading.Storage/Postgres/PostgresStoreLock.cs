using Npgsql;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Postgres;

/// <summary>
/// The trading lock of a PostgreSQL store: a transaction holding <c>pg_advisory_xact_lock</c> on one key, on its own
/// connection, until it is released (or the holder's connection drops). This process's holders queue in order first,
/// so waiting does not take one pooled connection per waiter.
/// </summary>
internal sealed class PostgresStoreLock(PostgresDatabase database) : IStoreLock
{
    private const long TradingStateKey = 7_201_003;

    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken ct = default)
    {
        await _turn.WaitAsync(ct);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await database.DataSource.OpenConnectionAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await connection.Sql($"SET LOCAL lock_timeout = '60s'; SELECT pg_advisory_xact_lock({TradingStateKey})", transaction).RunAsync(ct);
            return new Held(connection, transaction, _turn);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _turn.Release();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction, SemaphoreSlim turn) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                turn.Release();
            }
        }
    }
}
