namespace Trading.Core.Storage;

/// <summary>A held singleton lock (see <see cref="ISingletonLocks"/>); disposing releases it.</summary>
public interface ISingletonLock : IAsyncDisposable
{
    /// <summary>Cancelled when the lock was lost and could not be taken back (another process holds it now); the holder must stop.</summary>
    CancellationToken Lost { get; }

    /// <summary>Why the lock was lost, once <see cref="Lost"/> is cancelled.</summary>
    string? LostReason { get; }
}
