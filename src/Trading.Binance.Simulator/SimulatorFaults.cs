using System.Text;

namespace Trading.Binance.Simulator;

/// <summary>Fault injection, from tests directly or through POST /sim/faults.</summary>
public sealed class SimulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<HttpFault> _http = [];
    private HttpFault? _windowFault;
    private DateTimeOffset? _windowUntil;
    private readonly Dictionary<int, List<StreamFault>> _scheduled = [];
    private readonly StreamHub _hub;
    private readonly TimeProvider _time;

    internal SimulatorFaults(StreamHub hub, TimeProvider time)
    {
        _hub = hub;
        _time = time;
    }

    /// <summary>
    /// A ban (418) or rate limit (429) answers the next REST request and every one after it for its Retry-After on the
    /// simulator's clock, as Binance does; any other fault answers the next <see cref="HttpFault.Times"/> requests.
    /// </summary>
    public void Enqueue(HttpFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (_lock)
        {
            if (fault.IsTimeWindow) (_windowFault, _windowUntil) = (fault, null);
            else _http.Add(fault);
        }
    }

    /// <summary>Lifts a ban or rate limit and forgets queued REST faults.</summary>
    public void ClearHttpFaults()
    {
        lock (_lock)
        {
            (_windowFault, _windowUntil) = (null, null);
            _http.Clear();
        }
    }

    /// <summary>Applies <paramref name="fault"/> when the replay reaches bar <paramref name="barIndex"/> (after its first open update for a drop).</summary>
    public void ScheduleAtBar(int barIndex, StreamFault fault)
    {
        lock (_lock)
        {
            if (!_scheduled.TryGetValue(barIndex, out var list)) _scheduled[barIndex] = list = [];
            list.Add(fault);
        }
    }

    /// <summary>Aborts every stream connection now.</summary>
    public void DropConnections() => _hub.DropAll();

    public Task SendMalformedFrameAsync(CancellationToken ct = default) => _hub.BroadcastFrameAsync(MalformedFrame, ct);

    public Task SendServerShutdownAsync(CancellationToken ct = default) =>
        _hub.BroadcastAsync("!serverShutdown", SimulatorJson.ServerShutdown(_time.GetUtcNow().ToUnixTimeMilliseconds()), ct, everyone: true);

    internal static byte[] MalformedFrame { get; } = Encoding.UTF8.GetBytes("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{\"t\":");

    internal HttpFault? TakeHttpFault()
    {
        lock (_lock)
        {
            if (_windowFault is { } windowFault)
            {
                var now = _time.GetUtcNow();
                _windowUntil ??= now.AddSeconds(windowFault.RetryAfterSeconds);
                var left = _windowUntil.Value - now;
                if (left > TimeSpan.Zero) return windowFault with { RetryAfterSeconds = (int)Math.Ceiling(left.TotalSeconds) };
                (_windowFault, _windowUntil) = (null, null);
            }
            if (_http.Count == 0) return null;
            var fault = _http[0];
            if (fault.Times <= 1) _http.RemoveAt(0);
            else _http[0] = fault with { Times = fault.Times - 1 };
            return fault;
        }
    }

    internal IReadOnlyList<StreamFault> TakeScheduled(int barIndex)
    {
        lock (_lock) return _scheduled.Remove(barIndex, out var list) ? list : [];
    }
}
