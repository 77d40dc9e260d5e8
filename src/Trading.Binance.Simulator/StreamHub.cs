namespace Trading.Binance.Simulator;

/// <summary>The connected stream clients; the replayer broadcasts through it and faults drop or poison it.</summary>
internal sealed class StreamHub(bool streamAfterBackfill)
{
    private readonly Lock _lock = new();
    private readonly List<StreamSession> _sessions = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _backfills;

    public int ConnectionCount { get { lock (_lock) return _sessions.Count; } }

    public int TotalConnections { get; private set; }

    /// <summary>How many klines answers were given; a connection notes it before its upgrade is answered.</summary>
    public long BackfillCount { get { lock (_lock) return _backfills; } }

    /// <summary>Registers a session; a klines answer since <paramref name="backfillsBeforeConnect"/> counts as its backfill.</summary>
    public void Add(StreamSession session, long backfillsBeforeConnect)
    {
        lock (_lock)
        {
            session.HasBackfilled = _backfills > backfillsBeforeConnect;
            _sessions.Add(session);
            TotalConnections++;
            SignalChange();
        }
    }

    public void Remove(StreamSession session)
    {
        lock (_lock)
        {
            if (_sessions.Remove(session)) SignalChange();
        }
    }

    /// <summary>Completes once a client listens to <paramref name="stream"/>.</summary>
    public async Task WaitForSubscriberAsync(string stream, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_sessions.Any(s => s.Listens(stream) && (s.HasBackfilled || !streamAfterBackfill))) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(ct);
        }
    }

    /// <summary>A klines request was answered: every connected client has its REST snapshot.</summary>
    public void MarkBackfilled()
    {
        lock (_lock)
        {
            _backfills++;
            if (_sessions.All(s => s.HasBackfilled)) return;
            foreach (var session in _sessions) session.HasBackfilled = true;
            SignalChange();
        }
    }

    /// <summary>A session subscribed or unsubscribed: wakes <see cref="WaitForSubscriberAsync"/>.</summary>
    public void SubscriptionsChanged()
    {
        lock (_lock) SignalChange();
    }

    /// <summary>
    /// Sends <paramref name="payload"/> (the raw event) to the sessions listening to <paramref name="stream"/>, or to every
    /// session with <paramref name="everyone"/>; combined sessions get it wrapped as {"stream":..,"data":..}.
    /// </summary>
    public async Task BroadcastAsync(string stream, byte[] payload, CancellationToken ct, bool everyone = false)
    {
        StreamSession[] targets;
        lock (_lock) targets = _sessions.Where(s => everyone || s.Listens(stream)).ToArray();
        byte[]? wrapped = null;
        foreach (var session in targets)
        {
            var frame = session.Combined ? wrapped ??= SimulatorJson.Combined(stream, payload) : payload;
            if (!await session.TrySendAsync(frame, ct)) Remove(session);
        }
    }

    /// <summary>Sends <paramref name="frame"/> as it is to every session (a fault's broken frame).</summary>
    public async Task BroadcastFrameAsync(byte[] frame, CancellationToken ct)
    {
        StreamSession[] targets;
        lock (_lock) targets = [.. _sessions];
        foreach (var session in targets)
        {
            if (!await session.TrySendAsync(frame, ct)) Remove(session);
        }
    }

    public void DropAll()
    {
        StreamSession[] targets;
        lock (_lock)
        {
            targets = [.. _sessions];
            _sessions.Clear();
            SignalChange();
        }
        foreach (var session in targets) session.Drop();
    }

    private void SignalChange()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
