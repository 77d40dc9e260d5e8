using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;

namespace Trading.Api.Streaming;

/// <summary>
/// Fans the bus out to the dashboard's event streams: each bus stream is read once by this process (its own consumer group),
/// and every message is handed to the clients that asked for that stream. A slow client loses its oldest events, never
/// blocks the bus or another client.
/// </summary>
public sealed class LiveEventHub(IMessageBus bus, IHostApplicationLifetime lifetime, ILogger<LiveEventHub> logger)
{
    public const int ClientBuffer = 512;

    private readonly string _group = $"api-events-{Environment.MachineName}-{Environment.ProcessId}";
    private readonly ConcurrentDictionary<string, Task> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<LiveSubscription, byte> _clients = new();

    /// <summary>A new subscription to <paramref name="streams"/>; dispose it when the client leaves.</summary>
    public LiveSubscription Connect(IReadOnlyCollection<string> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var subscription = new LiveSubscription(streams, s => _clients.TryRemove(s, out _));
        _clients[subscription] = 0;
        // An open stream must not hold up a shutdown: its events end when the host stops.
        subscription.EndOn(lifetime.ApplicationStopping);
        foreach (var stream in streams) _streams.GetOrAdd(stream, Read);
        return subscription;
    }

    private Task Read(string stream) => Task.Run(async () =>
    {
        try
        {
            await bus.SubscribeAsync(stream, _group, (message, _) =>
            {
                foreach (var client in _clients.Keys)
                    if (client.Streams.Contains(stream)) client.Offer(message);
                return ValueTask.CompletedTask;
            }, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e)
        {
            _streams.TryRemove(stream, out _);
            logger.LogError("Live events from {Stream} stopped: {Error}", stream, e.Message);
        }
    });
}

/// <summary>One client's events: a bounded buffer that drops its oldest entry when full.</summary>
public sealed class LiveSubscription(IReadOnlyCollection<string> streams, Action<LiveSubscription> leave) : IDisposable
{
    private readonly Channel<MessageEnvelope> _events = Channel.CreateBounded<MessageEnvelope>(
        new BoundedChannelOptions(LiveEventHub.ClientBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public IReadOnlySet<string> Streams { get; } = streams.ToHashSet(StringComparer.Ordinal);

    public ChannelReader<MessageEnvelope> Events => _events.Reader;

    private CancellationTokenRegistration _stopping;

    internal void Offer(MessageEnvelope message) => _events.Writer.TryWrite(message);

    internal void EndOn(CancellationToken stopping) => _stopping = stopping.Register(() => _events.Writer.TryComplete());

    public void Dispose()
    {
        leave(this);
        _stopping.Dispose();
        _events.Writer.TryComplete();
    }
}
