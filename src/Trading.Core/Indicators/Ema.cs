using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Exponential moving average with k = 2/(N+1), seeded (as TA-Lib) with the simple mean of the first N values,
/// then prev + (x - prev)·k; first value after N inputs.
/// </summary>
public sealed class Ema : ISeriesIndicator
{
    private readonly double _period;
    private readonly double _k;
    private int _count;
    private bool _ready;
    private double _seedSum;
    private double _current = double.NaN;

    public Ema(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _period = period;
        _k = 2.0 / (period + 1);
    }

    public int Period { get; }

    /// <summary>The smoothing factor 2/(N+1).</summary>
    public double K => _k;

    public int WarmUpPeriod => Period;

    public bool IsReady => _ready;

    public double Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        if (_ready)
        {
            _current = ((value - _current) * _k) + _current;
            return true;
        }
        _seedSum += value;
        if (++_count < Period) return false;
        _current = _seedSum / _period;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _ready = false;
        _seedSum = 0;
        _current = double.NaN;
    }
}
