using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Weighted moving average with weights 1..N (newest N) divided by N(N+1)/2, updated in O(1) from a running weighted sum
/// and a running plain sum in TA-Lib's order; first value after N inputs.
/// </summary>
public sealed class Wma : ISeriesIndicator
{
    private readonly double[] _window;
    private readonly double _period;
    private readonly double _divider;
    private int _head;
    private int _count;
    private bool _ready;
    private double _weightedSum;
    private double _plainSum;
    private double _trailing;
    private double _current = double.NaN;

    public Wma(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _period = period;
        _divider = period * (period + 1) / 2;
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
        if (++head == window.Length) head = 0;
        _head = head;
        if (!_ready)
        {
            if (++_count < window.Length)
            {
                _plainSum += value;
                _weightedSum += value * _count;
                return false;
            }
            _ready = true;
        }
        _plainSum += value;
        _plainSum -= _trailing;
        _weightedSum += value * _period;
        _trailing = window[head];
        _current = _weightedSum / _divider;
        _weightedSum -= _plainSum;
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _head = 0;
        _count = 0;
        _ready = false;
        _weightedSum = 0;
        _plainSum = 0;
        _trailing = 0;
        _current = double.NaN;
    }
}
