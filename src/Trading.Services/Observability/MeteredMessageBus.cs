using System.Collections.Concurrent;
using Trading.Core.Messaging;

namespace Trading.Services.Observability;

/// <summary>
/// Wraps the process's bus to report <c>bus_pending_messages{stream}</c> for each stream it publishes or consumes: the bus's
/// own backlog across processes where it can tell (<see cref="IMessageBacklog"/>, Redis Streams), otherwise what was
/// published here and not yet handled by the slowest consumer group of this process since it subscribed.
/// </summary>
public sealed class MeteredMessageBus(IMessageBus inner) : IMessageBus
{
    private readonly ConcurrentDictionary<string, StreamCounts> _streams = new(StringComparer.Ordinal);

    public IMessageBus Inner => inner;

    public async ValueTask PublishAsync(string stream, MessageEnvelope message, CancellationToken ct = default)
    {
        await inner.PublishAsync(stream, message, ct);
        Counts(stream).Published();
    }

    public async ValueTask PublishManyAsync(string stream, IReadOnlyList<MessageEnvelope> messages, CancellationToken ct = default)
    {
        await inner.PublishManyAsync(stream, messages, ct);
        Counts(stream).Published(messages.Count);
    }

    public async Task SubscribeAsync(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        var handled = Counts(stream).Subscribe(group);
        await inner.SubscribeAsync(stream, group, async (message, token) =>
        {
            await handler(message, token);
            handled.Increment();
        }, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams.Keys) TradingMetrics.UntrackStream(stream);
        await inner.DisposeAsync();
    }

    private StreamCounts Counts(string stream) => _streams.GetOrAdd(stream, name =>
    {
        var counts = new StreamCounts();
        TradingMetrics.TrackStream(name, inner is IMessageBacklog shared ? () => shared.Backlog(name) : () => counts.Pending());
        return counts;
    });

    private sealed class StreamCounts
    {
        private readonly ConcurrentDictionary<string, GroupCount> _groups = new(StringComparer.Ordinal);
        private long _published;

        public void Published(int count = 1) => Interlocked.Add(ref _published, count);

        public GroupCount Subscribe(string group) => _groups.GetOrAdd(group, _ => new GroupCount(Interlocked.Read(ref _published)));

        public long Pending() =>
            _groups.Values.Select(g => Math.Max(0, Interlocked.Read(ref _published) - g.Baseline - g.Handled)).DefaultIfEmpty(0).Max();
    }

    private sealed class GroupCount(long baseline)
    {
        private long _handled;

        public long Baseline => baseline;

        public long Handled => Interlocked.Read(ref _handled);

        public void Increment() => Interlocked.Increment(ref _handled);
    }
}
