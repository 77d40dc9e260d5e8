namespace Trading.Messaging;

/// <summary>
/// Remembers the ids of handled messages (a bounded window, oldest forgotten first) and the ids in flight,
/// so a consumer group handles each message id once. Thread-safe; shared by every bus implementation.
/// </summary>
public sealed class MessageDeduplicator(int window = 100_000)
{
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Claims <paramref name="id"/> for handling; false if it was handled already or is being handled.</summary>
    public bool TryBegin(string id)
    {
        lock (_gate) return !_handled.Contains(id) && _inFlight.Add(id);
    }

    /// <summary>Records <paramref name="id"/> as handled: later deliveries of it are skipped.</summary>
    public void Complete(string id)
    {
        lock (_gate)
        {
            _inFlight.Remove(id);
            if (!_handled.Add(id)) return;
            _order.Enqueue(id);
            if (_order.Count > window) _handled.Remove(_order.Dequeue());
        }
    }

    /// <summary>Releases a claim without recording it, so the message can be delivered again.</summary>
    public void Abandon(string id)
    {
        lock (_gate) _inFlight.Remove(id);
    }

    public bool WasHandled(string id)
    {
        lock (_gate) return _handled.Contains(id);
    }
}
