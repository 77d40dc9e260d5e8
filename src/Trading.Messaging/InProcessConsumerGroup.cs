using System.Threading.Channels;
using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>
/// One consumer group of one stream: a bounded queue that its subscribers share, its delivery rules, and its idle subscribers.
/// An idle subscriber parks until a publisher wakes it: on the publisher's thread (<see cref="InlineHandoff"/>) or, with
/// handoff off, on a thread-pool thread.
/// </summary>
internal sealed class InProcessConsumerGroup(Channel<MessageEnvelope> queue, ReliableDelivery delivery, bool inlineHandoff)
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _idle = new();

    public ChannelReader<MessageEnvelope> Reader => queue.Reader;

    public ChannelWriter<MessageEnvelope> Writer => queue.Writer;

    public ReliableDelivery Delivery => delivery;

    public static InProcessConsumerGroup Create(int capacity, bool inlineHandoff, ReliableDelivery delivery) =>
        new(Channel.CreateBounded<MessageEnvelope>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        }), delivery, inlineHandoff);

    /// <summary>Subscribers waiting for a message.</summary>
    public int IdleSubscribers
    {
        get
        {
            lock (_gate) return _idle.Count(w => !w.Task.IsCompleted);
        }
    }

    /// <summary>Completes when a message may be waiting or the queue completed; call after finding the queue empty.</summary>
    public async Task WaitForMessageAsync(CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (Reader.TryPeek(out _) || Reader.Completion.IsCompleted) return;
            waiter = new TaskCompletionSource(inlineHandoff ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
            _idle.Enqueue(waiter);
        }
        using (ct.UnsafeRegister(static w => ((TaskCompletionSource)w!).TrySetCanceled(), waiter))
        {
            try
            {
                await waiter.Task;
            }
            catch (OperationCanceledException)
            {
                // A publisher may have picked this subscriber just as it stopped: pass the wake on to another one of the group.
                if (Reader.TryPeek(out _)) WakeOne();
                throw;
            }
        }
    }

    /// <summary>Queues one idle subscriber for <see cref="InlineHandoff.Drain"/>, after a message was written.</summary>
    public void EnqueueIdle()
    {
        lock (_gate)
            while (_idle.TryDequeue(out var waiter))
                if (!waiter.Task.IsCompleted)
                {
                    InlineHandoff.Enqueue(waiter);
                    return;
                }
    }

    /// <summary>Wakes one idle subscriber for a message just written back or retained.</summary>
    public void WakeOne()
    {
        EnqueueIdle();
        InlineHandoff.Drain();
    }

    public void Complete()
    {
        Writer.TryComplete();
        lock (_gate)
            while (_idle.TryDequeue(out var waiter)) InlineHandoff.Enqueue(waiter);
        InlineHandoff.Drain();
    }
}
