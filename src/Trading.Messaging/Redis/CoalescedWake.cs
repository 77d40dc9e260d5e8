namespace Trading.Messaging.Redis;

/// <summary>
/// The publish notification of one stream, sent once for a burst of publishes: a request while a send is already queued
/// joins it. The flag is cleared before the send, so every publish is followed by a notification sent after it.
/// </summary>
internal sealed class CoalescedWake(Action send)
{
    private int _queued;

    public void Request()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 1) return;
        ThreadPool.UnsafeQueueUserWorkItem(static wake =>
        {
            Volatile.Write(ref wake._queued, 0);
            wake.Send();
        }, this, preferLocal: false);
    }

    private void Send() => send();
}
