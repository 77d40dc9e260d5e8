namespace Trading.Core.Backtesting;

/// <summary>The simulated clock of a backtest: "now" is whatever the data says, set by the engine candle by candle.</summary>
public sealed class BacktestClock : TimeProvider
{
    private long _nowMs;

    public long NowMs => _nowMs;

    public void Set(long unixMs) => _nowMs = unixMs;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(_nowMs);
}
