namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// Binance's ORDERS rate limits: new orders counted per 10-second and per day window (aligned to the clock), reported in
/// X-MBX-ORDER-COUNT-10S / -1D; an order past either limit is refused with -1015 and HTTP 429 until the window rolls.
/// </summary>
internal sealed class OrderCountMeter(SimulatorTradingOptions options, TimeProvider time)
{
    private const long TenSecondsMs = 10_000;
    private const long DayMs = 86_400_000;
    private readonly Lock _lock = new();
    private long _tenSecondWindow = long.MinValue;
    private long _dayWindow = long.MinValue;
    private int _tenSeconds;
    private int _day;

    /// <summary>Counts new orders (an OCO is two); returns the counts and, when it is over a limit, the limit's description and the wait.</summary>
    public (int TenSeconds, int Day, string? Exceeded, TimeSpan RetryAfter) Add(int orders = 1)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (now / TenSecondsMs != _tenSecondWindow) (_tenSecondWindow, _tenSeconds) = (now / TenSecondsMs, 0);
            if (now / DayMs != _dayWindow) (_dayWindow, _day) = (now / DayMs, 0);
            _tenSeconds += orders;
            _day += orders;
            if (_tenSeconds > options.OrdersPer10Seconds)
                return (_tenSeconds, _day, $"{options.OrdersPer10Seconds} orders per 10 SECOND", TimeSpan.FromMilliseconds(TenSecondsMs - now % TenSecondsMs));
            if (_day > options.OrdersPerDay)
                return (_tenSeconds, _day, $"{options.OrdersPerDay} orders per 1 DAY", TimeSpan.FromMilliseconds(DayMs - now % DayMs));
            return (_tenSeconds, _day, null, TimeSpan.Zero);
        }
    }
}
