namespace Trading.Binance.RateLimiting;

/// <summary>
/// Binance's ORDERS limit per 10 seconds, counted locally per clock-aligned window and corrected upwards by
/// X-MBX-ORDER-COUNT-10S, so a burst waits for the next window instead of being refused with -1015.
/// </summary>
public sealed class OrderCountBudget
{
    private const long WindowMs = 10_000;
    private readonly Lock _lock = new();
    private long _window = long.MinValue;
    private int _count;

    /// <summary>Binance: 100; lowered from exchangeInfo's rateLimits or by configuration.</summary>
    public int LimitPer10Seconds { get; set; } = 100;

    public int Count { get { lock (_lock) return _count; } }

    /// <summary>Takes a slot and returns null, or returns how long to wait for the next window.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            if (_count < LimitPer10Seconds)
            {
                _count++;
                return null;
            }
            return TimeSpan.FromMilliseconds(WindowMs - now.ToUnixTimeMilliseconds() % WindowMs);
        }
    }

    /// <summary>The server's count for the current window, when it knows of more orders than we do.</summary>
    public void Observe(int count, DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            _count = Math.Max(_count, count);
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var window = now.ToUnixTimeMilliseconds() / WindowMs;
        if (window == _window) return;
        _window = window;
        _count = 0;
    }
}
