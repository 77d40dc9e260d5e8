namespace Trading.Binance.Simulator;

/// <summary>The simulator's per-minute request-weight count, reported in X-MBX-USED-WEIGHT-1M like Binance.</summary>
internal sealed class RequestWeightMeter(int limit, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _minute = long.MinValue;
    private int _used;

    public int Limit => limit;

    /// <summary>Adds the weight; returns the new total and whether it is over the limit.</summary>
    public (int Used, bool OverLimit, TimeSpan UntilNextMinute) Add(int weight)
    {
        lock (_lock)
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var minute = nowMs / 60_000;
            if (minute != _minute)
            {
                _minute = minute;
                _used = 0;
            }
            _used += weight;
            return (_used, _used > limit, TimeSpan.FromMilliseconds(60_000 - nowMs % 60_000));
        }
    }
}
