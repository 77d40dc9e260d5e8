using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>
/// The embedded bus on System.Threading.Channels: bounded per stream and group, publishers wait when a group
/// is full, each group gets every message once, subscribers of a group share its messages, a failing handler's
/// message is retried and then dead-lettered, and duplicates by id are skipped. Nothing survives the process.
/// With <see cref="InProcessBusOptions.InlineHandoff"/> (the default) an idle subscriber starts on the publisher's thread, and
/// every group gets a message before messages its handlers publish are handled; a handler must never block a thread waiting
/// for another handler (sync over async), since both may be running on that one thread.
/// </summary>
public sealed class InProcessMessageBus(InProcessBusOptions? options = null, TimeProvider? time = null, ILogger<InProcessMessageBus>? logger = null)
    : IMessageBus
{
    private readonly InProcessBusOptions _options = options ?? new InProcessBusOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<InProcessMessageBus>.Instance;
    private readonly ConcurrentDictionary<string, InProcessStream> _streams = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    public ValueTask PublishAsync(string stream, MessageEnvelope message, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(message);
        return Stream(stream).PublishAsync(message, ct);
    }

    /// <summary>One message after the other: each may wait for a full group, as <see cref="PublishAsync"/> does.</summary>
    public async ValueTask PublishManyAsync(string stream, IReadOnlyList<MessageEnvelope> messages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages) await PublishAsync(stream, message, ct);
    }

    /// <summary>Joins <paramref name="group"/> at once (messages published after this call reach it), then consumes until cancelled.</summary>
    public Task SubscribeAsync(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(handler);
        var consumerGroup = Stream(stream).Join(group);
        return ConsumeAsync(consumerGroup, handler, ct);
    }

    /// <summary>How many subscribers of <paramref name="group"/> on <paramref name="stream"/> are waiting for a message.</summary>
    public int IdleSubscribers(string stream, string group) => _streams.TryGetValue(stream, out var s) ? s.IdleSubscribers(group) : 0;

    /// <summary>How many messages a stream without consumer groups has trimmed (each logged).</summary>
    public long TrimmedWithoutConsumers(string stream) => _streams.TryGetValue(stream, out var s) ? s.TrimmedWithoutConsumers : 0;

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var stream in _streams.Values) stream.Complete();
        return ValueTask.CompletedTask;
    }

    private async Task ConsumeAsync(InProcessConsumerGroup group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            if (!group.Reader.TryRead(out var message))
            {
                if (group.Reader.Completion.IsCompleted) return;
                try
                {
                    await group.WaitForMessageAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                continue;
            }
            var outcome = await group.Delivery.DeliverAsync(message, handler, PublishDeadLetterAsync, ct);
            if (outcome == DeliveryOutcome.Cancelled) ReturnUnacked(group, message);
        }
    }

    // The subscriber stopped mid-message: hand it back so another subscriber of the group (or a later one) gets it.
    private void ReturnUnacked(InProcessConsumerGroup group, MessageEnvelope message)
    {
        if (group.Writer.TryWrite(message))
        {
            group.WakeOne();
            return;
        }
        _ = group.Writer.WriteAsync(message).AsTask().ContinueWith(
            t => _logger.LogError(t.Exception, "Could not return unacknowledged message {Id}: the bus is shutting down", message.Id),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private ValueTask PublishDeadLetterAsync(string stream, MessageEnvelope letter, CancellationToken ct) =>
        Stream(stream).PublishAsync(letter, ct);

    private InProcessStream Stream(string name) =>
        _streams.GetOrAdd(name, n => new InProcessStream(n, _options, group => CreateGroup(n, group), _logger));

    private InProcessConsumerGroup CreateGroup(string stream, string group) =>
        InProcessConsumerGroup.Create(_options.Capacity, _options.InlineHandoff,
            new ReliableDelivery(stream, group, _options.Delivery, new MessageDeduplicator(_options.DeduplicationWindow), _time, _logger));
}
