using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Simple moving average: the mean of the last N values, kept as a running sum in TA-Lib's order
/// (add the new value, divide, then drop the oldest); first value after N inputs.
/// </summary>
public sealed class Sma : ISeriesIndicator
{
    private readonly double[] _window;
    private readonly double _period;
    private int _head;
    private int _count;
    private bool _ready;
    private double _sum;
    private double _current = double.NaN;

    public Sma(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _period = period;
        _window = new double[period];
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public bool IsReady => _ready;

    public double Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        var window = _window;
        var head = _head;
        window[head] = value;
        _sum += value;
        if (++head == window.Length) head = 0;
        _head = head;
        if (!_ready)
        {
            if (++_count < window.Length) return false;
            _ready = true;
        }
        _current = _sum / _period;
        _sum -= window[head];
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _head = 0;
        _count = 0;
        _ready = false;
        _sum = 0;
        _current = double.NaN;
    }
}
