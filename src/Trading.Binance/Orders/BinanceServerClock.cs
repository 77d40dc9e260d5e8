namespace Trading.Binance.Orders;

/// <summary>Local time corrected by the measured server-clock offset; signed timestamps come from here.</summary>
public sealed class BinanceServerClock(TimeProvider? time = null)
{
    private long _offsetTicks;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>Server time minus local time.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public long NowMs => (Time.GetUtcNow() + Offset).ToUnixTimeMilliseconds();
}
