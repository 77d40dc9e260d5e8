using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>
/// One stream: every consumer group gets each message. Publishing waits while any group is full. Until the
/// first group joins, the stream keeps up to Capacity messages for it; beyond that the oldest are trimmed
/// with a warning (like a Redis MAXLEN), so a stream nobody reads cannot block its publisher forever.
/// </summary>
internal sealed class InProcessStream(string name, InProcessBusOptions options, Func<string, InProcessConsumerGroup> createGroup, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InProcessConsumerGroup> _groups = new(StringComparer.Ordinal);
    private readonly Queue<MessageEnvelope> _unclaimed = new();
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private long _trimmed;

    public long TrimmedWithoutConsumers => Interlocked.Read(ref _trimmed);

    public async ValueTask PublishAsync(MessageEnvelope message, CancellationToken ct)
    {
        InProcessConsumerGroup[] targets;
        await _publishLock.WaitAsync(ct);
        try
        {
            lock (_gate)
            {
                if (_groups.Count == 0)
                {
                    KeepUnclaimed(message);
                    return;
                }
                targets = [.. _groups.Values];
            }
            for (var i = 0; i < targets.Length; i++)
            {
                if (targets[i].Writer.TryWrite(message)) continue;
                WakeIdle(targets.AsSpan(0, i));
                await targets[i].Writer.WriteAsync(message, ct);
            }
        }
        finally
        {
            _publishLock.Release();
        }
        WakeIdle(targets);
    }

    // Every group has the message before any of them handles it (see InlineHandoff).
    private static void WakeIdle(ReadOnlySpan<InProcessConsumerGroup> groups)
    {
        foreach (var group in groups) group.EnqueueIdle();
        InlineHandoff.Drain();
    }

    public int IdleSubscribers(string group)
    {
        lock (_gate) return _groups.TryGetValue(group, out var found) ? found.IdleSubscribers : 0;
    }

    public InProcessConsumerGroup Join(string group)
    {
        lock (_gate)
        {
            if (_groups.TryGetValue(group, out var existing)) return existing;
            var created = createGroup(group);
            if (_groups.Count == 0)
                while (_unclaimed.TryDequeue(out var message)) created.Writer.TryWrite(message);
            _groups.Add(group, created);
            return created;
        }
    }

    public void Complete()
    {
        lock (_gate)
            foreach (var group in _groups.Values) group.Complete();
    }

    private void KeepUnclaimed(MessageEnvelope message)
    {
        _unclaimed.Enqueue(message);
        if (_unclaimed.Count <= options.Capacity) return;
        var dropped = _unclaimed.Dequeue();
        if (Interlocked.Increment(ref _trimmed) == 1)
            logger.LogWarning("Stream {Stream} has no consumer group and holds {Capacity} messages: trimmed the oldest, {Id} (further trims are logged at Debug)",
                name, options.Capacity, dropped.Id);
        else
            logger.LogDebug("Stream {Stream} has no consumer group: trimmed message {Id}", name, dropped.Id);
    }
}
