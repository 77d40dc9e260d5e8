using Trading.Core.Storage;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Singleton locks of a SQLite store: an exclusive lock on a file beside the database (<c>trading.db.NAME.lock</c>), which
/// .NET takes with flock on Linux; the operating system drops it when the holder's process dies, and never before.
/// </summary>
internal sealed class FileSingletonLocks(string databasePath) : ISingletonLocks
{
    public Task<ISingletonLock?> TryAcquireAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var file = new FileStream($"{databasePath}.{name}.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<ISingletonLock?>(new Held(file));
        }
        catch (IOException)
        {
            return Task.FromResult<ISingletonLock?>(null);
        }
    }

    private sealed class Held(FileStream file) : ISingletonLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public string? LostReason => null;

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
