namespace Trading.Binance.Simulator;

/// <summary>The connected stream clients; the replayer broadcasts through it and faults drop or poison it.</summary>
internal sealed class StreamHub
{
    private readonly Lock _lock = new();
    private readonly List<StreamSession> _sessions = [];
    private TaskCompletionSource _changed = NewSignal();

    public int ConnectionCount { get { lock (_lock) return _sessions.Count; } }

    public int TotalConnections { get; private set; }

    public void Add(StreamSession session)
    {
        lock (_lock)
        {
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
                if (_sessions.Any(s => s.Streams.Contains(stream))) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(ct);
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
