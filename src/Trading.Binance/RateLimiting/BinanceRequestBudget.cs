using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Binance.Errors;

namespace Trading.Binance.RateLimiting;

/// <summary>
/// The request-weight budget of one Binance server, shared by every client in the process (Binance counts per IP).
/// Weight is counted per clock minute, corrected upwards by X-MBX-USED-WEIGHT-1M; a request that would exceed the
/// limit waits for the next minute. A 429 blocks everyone until Retry-After; a 418 makes every request fail until the ban ends.
/// A request that has to wait logs one warning (why, how long, which server), so such a stall is never silent.
/// </summary>
public sealed class BinanceRequestBudget
{
    public const int DefaultWeightLimit = 6000;

    private static readonly ConcurrentDictionary<string, BinanceRequestBudget> Budgets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private readonly string _server;
    private long _windowMinute = long.MinValue;
    private int _usedWeight;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;

    private BinanceRequestBudget(string server, int weightLimit)
    {
        _server = server;
        WeightLimit = weightLimit;
    }

    /// <summary>The one budget for the server at <paramref name="baseUrl"/> (keyed by host and port).</summary>
    public static BinanceRequestBudget For(Uri baseUrl) =>
        Budgets.GetOrAdd(baseUrl.Authority, server => new BinanceRequestBudget(server, DefaultWeightLimit));

    /// <summary>REQUEST_WEIGHT per minute; lowered from exchangeInfo's rateLimits or by configuration.</summary>
    public int WeightLimit { get; set; }

    public int UsedWeight { get { lock (_lock) return _usedWeight; } }

    public DateTimeOffset? BannedUntil { get { lock (_lock) return _bannedUntil == DateTimeOffset.MinValue ? null : _bannedUntil; } }

    /// <summary>Waits until <paramref name="weight"/> fits in the budget, then reserves it; a wait is logged once as a warning.</summary>
    public async ValueTask AcquireAsync(int weight, TimeProvider time, CancellationToken ct, ILogger? logger = null)
    {
        var warned = false;
        while (true)
        {
            TimeSpan wait;
            string reason;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (_bannedUntil > now) throw new BinanceBannedException(_bannedUntil);
                RollWindow(now);
                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                    reason = "the server answered HTTP 429 (Retry-After)";
                }
                else if (_usedWeight + weight <= WeightLimit || _usedWeight == 0)
                {
                    _usedWeight += weight;
                    return;
                }
                else
                {
                    wait = TimeSpan.FromMilliseconds(60_000 - now.ToUnixTimeMilliseconds() % 60_000);
                    reason = $"{_usedWeight} of {WeightLimit} request weight is used this minute";
                }
            }
            if (!warned)
            {
                warned = true;
                (logger ?? NullLogger.Instance).LogWarning(
                    "Binance request (weight {Weight}) to {Server} waits {Seconds:0.###} s: {Reason}", weight, _server, wait.TotalSeconds, reason);
            }
            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>The ORDERS count of this server's account per 10 seconds, kept alongside the weight.</summary>
    public OrderCountBudget Orders { get; } = new();

    /// <summary>Waits for a slot in the order-count window (and any Retry-After block), then takes it; a wait is logged once.</summary>
    public async ValueTask AcquireOrderAsync(TimeProvider time, CancellationToken ct, ILogger? logger = null)
    {
        var warned = false;
        while (Orders.TryTake(time.GetUtcNow()) is { } wait)
        {
            if (!warned)
            {
                warned = true;
                (logger ?? NullLogger.Instance).LogWarning("Binance order to {Server} waits {Seconds:0.###} s: {Count} of {Limit} orders are placed in this 10-second window",
                    _server, wait.TotalSeconds, Orders.Count, Orders.LimitPer10Seconds);
            }
            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>Takes the server's count when it knows of more weight than we do (other processes on this IP).</summary>
    public void ObserveUsedWeight(int usedWeight, DateTimeOffset now)
    {
        lock (_lock)
        {
            RollWindow(now);
            _usedWeight = Math.Max(_usedWeight, usedWeight);
        }
    }

    /// <summary>HTTP 429: nobody sends before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock) if (until > _blockedUntil) _blockedUntil = until;
    }

    /// <summary>HTTP 418: every request fails until <paramref name="until"/>.</summary>
    public void BanUntil(DateTimeOffset until)
    {
        lock (_lock) if (until > _bannedUntil) _bannedUntil = until;
    }

    private void RollWindow(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        if (minute == _windowMinute) return;
        _windowMinute = minute;
        _usedWeight = 0;
    }
}
