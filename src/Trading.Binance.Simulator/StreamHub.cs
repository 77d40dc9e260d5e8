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
                if (_sessions.Any(s => s.Streams.Contains(stream) && (s.HasBackfilled || !streamAfterBackfill))) return;
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

    public async Task BroadcastAsync(string? stream, byte[] frame, CancellationToken ct)
    {
        StreamSession[] targets;
        lock (_lock) targets = _sessions.Where(s => stream is null || s.Streams.Contains(stream)).ToArray();
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
