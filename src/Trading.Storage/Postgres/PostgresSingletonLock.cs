using System.Data.Common;
using Npgsql;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Postgres;

/// <summary>
/// A held session advisory lock. Every check interval it asks its session whether it is still there; a session that ended
/// (PostgreSQL restarted, the backend was terminated) took the lock with it, so the lock is taken again on a new connection,
/// waiting while the server is away. When another process took it meanwhile, <see cref="Lost"/> fires and the holder must
/// stop: two supervisors (or executors) must never run side by side.
/// </summary>
internal sealed class PostgresSingletonLock : ISingletonLock
{
    private readonly PostgresDatabase _database;
    private readonly string _name;
    private readonly TimeSpan _checkInterval;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;
    private NpgsqlConnection _connection;
    private int _released;

    public PostgresSingletonLock(PostgresDatabase database, string name, NpgsqlConnection connection, TimeSpan checkInterval)
    {
        _database = database;
        _name = name;
        _connection = connection;
        _checkInterval = checkInterval;
        Lost = _lost.Token;
        _watch = Task.Run(WatchAsync);
    }

    public CancellationToken Lost { get; }

    public string? LostReason { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        await _stop.CancelAsync();
        await _watch;
        try
        {
            if (!Lost.IsCancellationRequested)
                await _connection.Sql($"SELECT pg_advisory_unlock({PostgresSingletonLocks.Namespace}, hashtext(@name))").With("name", _name).RunAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or IOException or TimeoutException)
        {
            // The session is gone already, and its lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
            _stop.Dispose();
            _lost.Dispose();
        }
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(_checkInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (await SessionAliveAsync()) continue;
                await _connection.DisposeAsync();
                var again = await TakeAgainAsync(timer);
                if (again is null)
                {
                    LostReason = $"its PostgreSQL session ended (server restarted?) and another process holds the lock of {_name} now";
                    await _lost.CancelAsync();
                    return;
                }
                _connection = again;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    private async Task<bool> SessionAliveAsync()
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            return await _connection.Sql("SELECT 1").ScalarInt64Async(timeout.Token) == 1;
        }
        catch (Exception e) when (e is DbException or IOException or TimeoutException or InvalidOperationException
                                      || (e is OperationCanceledException && !_stop.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>The lock on a new connection, waiting while the server is unreachable; null when another session took it.</summary>
    private async Task<NpgsqlConnection?> TakeAgainAsync(PeriodicTimer timer)
    {
        while (true)
        {
            try
            {
                return await PostgresSingletonLocks.TryTakeAsync(_database, _name, _stop.Token);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException)
            {
                await timer.WaitForNextTickAsync(_stop.Token);
            }
        }
    }
}
