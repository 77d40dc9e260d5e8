namespace Trading.Binance.Simulator.Matching;

public enum OrderFaultKind
{
    /// <summary>The order is created, then the answer is held back (for <see cref="OrderFault.Delay"/>, or until the client gives up).</summary>
    TimeoutAfterAccept,

    /// <summary>The order is created, then the answer is HTTP 500 with code -1000.</summary>
    ServerErrorAfterAccept,

    /// <summary>The order is created, then the connection is closed without an answer: a lost answer the client sees at once.</summary>
    DropAfterAccept,
}

/// <summary>
/// A fault applied to the next <see cref="Times"/> accepted placements; <see cref="ThenHttp"/> is queued for the REST
/// requests that follow (e.g. failing the queries too).
/// </summary>
public sealed record OrderFault(OrderFaultKind Kind, int Times = 1, TimeSpan? Delay = null, HttpFault? ThenHttp = null);

/// <summary>Faults of the trading side: after-accept placement faults and user-data stream drops.</summary>
public sealed class OrderFaults
{
    private readonly Lock _lock = new();
    private readonly List<OrderFault> _faults = [];

    public void Enqueue(OrderFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (_lock) _faults.Add(fault);
    }

    internal OrderFault? TakeAfterAccept()
    {
        lock (_lock)
        {
            if (_faults.Count == 0) return null;
            var fault = _faults[0];
            if (fault.Times <= 1) _faults.RemoveAt(0);
            else _faults[0] = fault with { Times = fault.Times - 1 };
            return fault;
        }
    }
}
