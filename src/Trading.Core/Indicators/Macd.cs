using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// MACD as TA-Lib: the slow EMA is seeded with the mean of the first <c>slow</c> values and the fast EMA with the mean of
/// the <c>fast</c> values ending at the same bar, so line = fast - slow starts at bar slow-1; the signal is an EMA of the
/// line seeded with its first <c>signal</c> values; histogram = line - signal; first value after slow+signal-1 inputs (34).
/// </summary>
public sealed class Macd : ISeriesIndicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;
    private int _fastSkip;
    private bool _ready;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        if (slowPeriod <= fastPeriod)
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, $"must be greater than the fast period {fastPeriod}");
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
        Reset();
    }

    public int FastPeriod => _fast.Period;

    public int SlowPeriod => _slow.Period;

    public int SignalPeriod => _signal.Period;

    public int WarmUpPeriod => SlowPeriod + SignalPeriod - 1;

    public bool IsReady => _ready;

    /// <summary>The MACD line.</summary>
    public double Current => Line;

    public double Line { get; private set; }

    public double Signal { get; private set; }

    public double Histogram { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        var slowReady = _slow.Update(value);
        if (_fastSkip == 0) _fast.Update(value);
        else _fastSkip--;
        if (!slowReady) return false;
        var line = _fast.Current - _slow.Current;
        if (!_signal.Update(line)) return false;
        var signal = _signal.Current;
        Line = line;
        Signal = signal;
        Histogram = line - signal;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        _fastSkip = SlowPeriod - FastPeriod;
        _ready = false;
        Line = Signal = Histogram = double.NaN;
    }
}
