namespace Trading.Messaging;

/// <summary>
/// Wakes idle consumers on the publisher's thread, breadth first: the consumers woken by one publish all run (up to their
/// first real wait) before any consumer that their handlers woke by publishing in turn. So every group sees a message before
/// anything derived from it reaches another group, as on a fair thread pool, but without the thread hops. A waiter created
/// with RunContinuationsAsynchronously still wakes on the thread pool.
/// </summary>
internal static class InlineHandoff
{
    [ThreadStatic] private static Queue<TaskCompletionSource>? _pending;
    [ThreadStatic] private static bool _draining;

    public static void Enqueue(TaskCompletionSource waiter) => (_pending ??= new Queue<TaskCompletionSource>()).Enqueue(waiter);

    /// <summary>Completes the queued waiters in order; a call made while this thread is already draining returns at once.</summary>
    public static void Drain()
    {
        if (_draining || _pending is not { Count: > 0 } pending) return;
        _draining = true;
        try
        {
            while (pending.TryDequeue(out var next)) next.TrySetResult();
        }
        finally
        {
            _draining = false;
        }
    }
}
