using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Trading.Core.Messaging;

namespace Trading.Messaging.Redis;

/// <summary>
/// The distributed bus on Redis Streams. A stream is a Redis stream of the same name, trimmed to about
/// <see cref="RedisBusOptions.MaxLength"/> on publish; a group is a consumer group, so each group gets every message once
/// across all processes, and the subscribers of a group share its messages. An entry is acknowledged only once settled (see
/// <see cref="RedisEntryHandler"/>), entries of a dead consumer are reclaimed, and duplicates by message id are skipped.
/// </summary>
public sealed class RedisMessageBus : IMessageBus, IMessageBacklog
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly RedisStreamWriter _writer;
    private readonly RedisBusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Stream, string Group), MessageDeduplicator> _deduplicators = new();
    private readonly ConcurrentDictionary<(string Stream, string Group), int> _subscriberCounts = new();
    private readonly ConcurrentDictionary<Task, bool> _consumers = new();
    private readonly ConcurrentDictionary<string, CoalescedWake> _wakes = new();
    private readonly CancellationTokenSource _disposing = new();
    private volatile bool _disposed;

    private RedisMessageBus(ConnectionMultiplexer connection, RedisEndpoint endpoint, RedisBusOptions options, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _db = connection.GetDatabase(endpoint.Database);
        _writer = new RedisStreamWriter(_db, endpoint, options, time, logger);
        Endpoint = endpoint;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public RedisEndpoint Endpoint { get; }

    /// <summary>Connects, retrying an unreachable server with backoff; throws <see cref="MessageBusUnavailableException"/> when it stays away.</summary>
    public static async Task<RedisMessageBus> ConnectAsync(RedisEndpoint endpoint, RedisBusOptions? options = null, TimeProvider? time = null,
        ILogger<RedisMessageBus>? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new RedisBusOptions();
        time ??= TimeProvider.System;
        ILogger log = logger ?? NullLogger<RedisMessageBus>.Instance;
        var connection = await RedisConnector.ConnectAsync(endpoint, options, time, log, ct);
        log.LogInformation("Message bus: Redis Streams at {Endpoint} as consumer {Consumer}", endpoint, options.ConsumerName);
        return new RedisMessageBus(connection, endpoint, options, time, log);
    }

    public long? Backlog(string stream) => _disposed ? null : RedisBacklog.Read(_db, stream);

    public async ValueTask PublishAsync(string stream, MessageEnvelope message, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(message);
        await _writer.AddAsync(stream, RedisEntryCodec.Encode(message), message.Id, ct);
        RequestWake(stream);
    }

    /// <summary>One pipelined write of all the XADDs and one wait for their replies, then one publish notification.</summary>
    public async ValueTask PublishManyAsync(string stream, IReadOnlyList<MessageEnvelope> messages, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) return;
        var entries = new NameValueEntry[messages.Count][];
        for (var i = 0; i < entries.Length; i++) entries[i] = RedisEntryCodec.Encode(messages[i] ?? throw new ArgumentException("A message is null.", nameof(messages)));
        await _writer.AddManyAsync(stream, entries, i => messages[i].Id, ct);
        RequestWake(stream);
    }

    private void RequestWake(string stream) => _wakes.GetOrAdd(stream, s => new CoalescedWake(() => Wake(s))).Request();

    private void Wake(string stream)
    {
        if (_disposed) return;
        try
        {
            _connection.GetSubscriber().Publish(WakeChannel(stream), RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (RedisFailures.IsTransient(e) || e is ObjectDisposedException)
        {
            // Only a wake-up call: idle subscribers poll anyway.
        }
    }

    /// <summary>Joins <paramref name="group"/> (created if new, see <see cref="RedisGroups"/>), then consumes until cancelled.</summary>
    public Task SubscribeAsync(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            RedisGroups.Ensure(_db, stream, group);
        }
        catch (Exception e) when (RedisFailures.IsTransient(e))
        {
            _logger.LogWarning("Could not create group {Group} of {Stream} yet ({Problem}); the subscriber retries", group, stream, RedisFailures.FirstLine(e));
        }
        var consumer = Consumer(stream, group, handler);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, _disposing.Token);
        var run = consumer.RunAsync(stop.Token);
        _consumers.TryAdd(run, true);
        return run.ContinueWith(t =>
        {
            _consumers.TryRemove(run, out _);
            stop.Dispose();
            return t;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Stops every subscriber (their unsettled entries stay pending for their groups) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _disposing.CancelAsync();
        await Task.WhenAll(_consumers.Keys).ContinueWith(_ => { }, TaskScheduler.Default);
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
        _disposing.Dispose();
    }

    private RedisConsumer Consumer(string stream, string group, Func<MessageEnvelope, CancellationToken, ValueTask> handler)
    {
        var deduplicator = _deduplicators.GetOrAdd((stream, group), _ => new MessageDeduplicator(_options.DeduplicationWindow));
        var number = _subscriberCounts.AddOrUpdate((stream, group), 1, (_, n) => n + 1);
        var name = number == 1 ? _options.ConsumerName : $"{_options.ConsumerName}-{number}";
        var delivery = new ReliableDelivery(stream, group, _options.Delivery, deduplicator, _time, _logger);
        var entries = new RedisEntryHandler(_db, stream, group, _options, delivery, deduplicator, handler, PublishAsync, _time, _logger);
        return new RedisConsumer(_db, _connection.GetSubscriber(), WakeChannel(stream), stream, group, name, _options, entries, _time, _logger);
    }

    private RedisChannel WakeChannel(string stream) => RedisChannel.Literal($"trading:bus:{Endpoint.Database}:{stream}");
}
