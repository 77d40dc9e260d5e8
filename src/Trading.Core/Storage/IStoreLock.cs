namespace Trading.Core.Storage;

/// <summary>
/// The store's one exclusive lock on the shared trading state (the account, open orders, reconciliation), across threads
/// and processes: its holder reads, decides and writes knowing that nobody else changes that state meanwhile. The lock
/// is not re-entrant. A holder that crashes releases it with its connection.
/// </summary>
public interface IStoreLock
{
    /// <summary>Waits for the lock (up to the store's busy timeout, then throws); disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken ct = default);
}
