namespace Trading.Binance.Simulator.Matching;

/// <summary>The WebSocket API connections that subscribed to the user data stream; events go to every subscription.</summary>
internal sealed class UserDataHub
{
    private readonly Lock _lock = new();
    private readonly List<(StreamSession Session, long SubscriptionId)> _subscriptions = [];
    private readonly List<StreamSession> _connections = [];
    private long _nextSubscriptionId;

    public int SubscriptionCount { get { lock (_lock) return _subscriptions.Count; } }

    public int TotalSubscriptions { get; private set; }

    public void Connect(StreamSession session)
    {
        lock (_lock) _connections.Add(session);
    }

    public void Disconnect(StreamSession session)
    {
        lock (_lock)
        {
            _connections.Remove(session);
            _subscriptions.RemoveAll(s => s.Session == session);
        }
    }

    public long Subscribe(StreamSession session)
    {
        lock (_lock)
        {
            var id = _nextSubscriptionId++;
            _subscriptions.Add((session, id));
            TotalSubscriptions++;
            return id;
        }
    }

    public async Task BroadcastAsync(IReadOnlyList<byte[]> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        (StreamSession Session, long SubscriptionId)[] targets;
        lock (_lock) targets = [.. _subscriptions];
        foreach (var (session, id) in targets)
        {
            foreach (var e in events)
            {
                if (!await session.TrySendAsync(UserDataJson.Wrap(id, e), ct))
                {
                    Disconnect(session);
                    break;
                }
            }
        }
    }

    /// <summary>Sends eventStreamTerminated to every subscription and ends them (the connections stay open).</summary>
    public async Task TerminateAllAsync(long nowMs, CancellationToken ct)
    {
        (StreamSession Session, long SubscriptionId)[] targets;
        lock (_lock)
        {
            targets = [.. _subscriptions];
            _subscriptions.Clear();
        }
        foreach (var (session, id) in targets) await session.TrySendAsync(UserDataJson.Wrap(id, UserDataJson.StreamTerminated(nowMs)), ct);
    }

    /// <summary>Aborts every WebSocket API connection, like a network drop.</summary>
    public void DropAll()
    {
        StreamSession[] targets;
        lock (_lock)
        {
            targets = [.. _connections];
            _connections.Clear();
            _subscriptions.Clear();
        }
        foreach (var session in targets) session.Drop();
    }
}
