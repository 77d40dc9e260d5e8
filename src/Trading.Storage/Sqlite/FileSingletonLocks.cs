using Trading.Core.Storage;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Singleton locks of a SQLite store: an exclusive lock on a file beside the database (<c>trading.db.NAME.lock</c>), which
/// .NET takes with flock on Linux; the operating system drops it when the holder's process dies.
/// </summary>
internal sealed class FileSingletonLocks(string databasePath) : ISingletonLocks
{
    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var file = new FileStream($"{databasePath}.{name}.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IAsyncDisposable?>(file);
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }
}
