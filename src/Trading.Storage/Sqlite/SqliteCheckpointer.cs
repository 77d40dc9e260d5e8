using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Checkpoints the WAL in the background, shortly after writes, so that no commit on the order path pays for copying
/// pages into the database file and its fsync (pooled connections set wal_autocheckpoint = 0). A PASSIVE checkpoint
/// never blocks writers or readers; a busy one is simply retried after the next write.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>How long after a write the checkpoint runs: a burst of commits (a closed candle's path) finishes first.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<CancellationToken, ValueTask<SqliteConnection>> _open;
    private readonly Task _loop;

    public SqliteCheckpointer(Func<CancellationToken, ValueTask<SqliteConnection>> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>A transaction committed: checkpoint soon. Never waits.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (await _requests.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(Delay, ct);
                _requests.Reader.TryRead(out _);
                try
                {
                    await using var connection = await _open(ct);
                    await connection.Sql("PRAGMA wal_checkpoint(PASSIVE)").RunAsync(ct);
                }
                catch (SqliteException)
                {
                    // Busy or locked by another checkpointer: the next write asks again.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
