namespace Trading.Messaging.Redis;

/// <summary>
/// Wakes an idle subscription when a publish notification arrives. Arm before reading, then wait on the armed task if the
/// read came back empty: a notification that arrives between the read and the wait is not missed.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _current = Create();

    public Task Arm()
    {
        var fresh = Create();
        Volatile.Write(ref _current, fresh);
        return fresh.Task;
    }

    public void Set() => Volatile.Read(ref _current).TrySetResult();

    private static TaskCompletionSource Create() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
