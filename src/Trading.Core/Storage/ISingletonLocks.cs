namespace Trading.Core.Storage;

/// <summary>
/// Locks that let one process at a time run a named singleton (the bot supervisor, one of the platform's services) on a
/// store, across processes and hosts sharing it. A lock is held until it is disposed or its process ends (a kill -9
/// included), so a crashed holder never blocks its successor.
/// </summary>
public interface ISingletonLocks
{
    /// <summary>Takes the lock on <paramref name="name"/> without waiting; null when another process holds it.</summary>
    Task<ISingletonLock?> TryAcquireAsync(string name, CancellationToken ct = default);
}
