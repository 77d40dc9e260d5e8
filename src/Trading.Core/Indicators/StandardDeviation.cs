using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Rolling population standard deviation as TA-Lib STDDEV: sqrt(mean(x²) - mean(x)²) over the last N values from running
/// sums of x and x² (in TA-Lib's order), 0 when the variance is below 1e-14, times a multiplier; first value after N inputs.
/// </summary>
public sealed class StandardDeviation : ISeriesIndicator
{
    private const double Epsilon = 1e-14;
    private readonly double[] _window;
    private readonly double _period;
    private readonly double _multiplier;
    private int _head;
    private int _count;
    private bool _ready;
    private double _sum;
    private double _sumOfSquares;
    private double _mean = double.NaN;
    private double _current = double.NaN;

    public StandardDeviation(int period = 20, double multiplier = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!double.IsFinite(multiplier)) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "must be finite");
        Period = period;
        _period = period;
        _multiplier = multiplier;
        _window = new double[period];
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public bool IsReady => _ready;

    /// <summary>The standard deviation times the multiplier.</summary>
    public double Current => _current;

    /// <summary>The simple mean of the window (equal to TA-Lib SMA).</summary>
    public double Mean => _mean;

    /// <summary>The population standard deviation without the multiplier.</summary>
    public double Deviation { get; private set; } = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        var window = _window;
        var head = _head;
        window[head] = value;
        _sum += value;
        _sumOfSquares += value * value;
        if (++head == window.Length) head = 0;
        _head = head;
        if (!_ready)
        {
            if (++_count < window.Length) return false;
            _ready = true;
        }
        var mean = _sum / _period;
        var meanOfSquares = _sumOfSquares / _period;
        var oldest = window[head];
        _sum -= oldest;
        _sumOfSquares -= oldest * oldest;
        var variance = meanOfSquares - (mean * mean);
        var deviation = variance < Epsilon ? 0.0 : Math.Sqrt(variance);
        _mean = mean;
        Deviation = deviation;
        _current = deviation * _multiplier;
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _head = 0;
        _count = 0;
        _ready = false;
        _sum = 0;
        _sumOfSquares = 0;
        _mean = double.NaN;
        Deviation = double.NaN;
        _current = double.NaN;
    }
}
