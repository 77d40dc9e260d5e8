using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Wilder's RSI as TA-Lib computes it: the average gain and loss are seeded with the simple mean of the first N changes
/// (first value after N+1 inputs), then smoothed as (avg·(N-1) + x)/N; RSI = 100·gain/(gain+loss), 0 when both are ~0.
/// </summary>
public sealed class Rsi : ISeriesIndicator
{
    private const double Epsilon = 1e-14;
    private readonly double _period;
    private readonly double _periodMinusOne;
    private int _count;
    private bool _ready;
    private double _previous;
    private double _avgGain;
    private double _avgLoss;
    private double _current = double.NaN;

    public Rsi(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _period = period;
        _periodMinusOne = period - 1;
    }

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public bool IsReady => _ready;

    public double Current => _current;

    /// <summary>Wilder-smoothed average gain (valid once ready).</summary>
    public double AverageGain => _avgGain;

    /// <summary>Wilder-smoothed average loss as a positive number (valid once ready).</summary>
    public double AverageLoss => _avgLoss;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        var change = value - _previous;
        _previous = value;
        if (_ready)
        {
            // Branch-free form of "if (change < 0) loss -= change; else gain += change;": adding or subtracting 0 is exact.
            var loss = (_avgLoss * _periodMinusOne) - double.MinNative(change, 0.0);
            var gain = (_avgGain * _periodMinusOne) + double.MaxNative(change, 0.0);
            _avgLoss = loss / _period;
            _avgGain = gain / _period;
        }
        else
        {
            if (_count++ == 0) return false;
            if (change < 0) _avgLoss -= change;
            else _avgGain += change;
            if (_count <= Period) return false;
            _avgLoss /= _period;
            _avgGain /= _period;
            _ready = true;
        }
        var total = _avgGain + _avgLoss;
        _current = total > -Epsilon && total < Epsilon ? 0.0 : 100.0 * (_avgGain / total);
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _ready = false;
        _previous = 0;
        _avgGain = 0;
        _avgLoss = 0;
        _current = double.NaN;
    }
}
