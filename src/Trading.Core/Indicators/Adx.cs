using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// ADX with +DI/-DI as TA-Lib: +DM/-DM and TR are summed over the first N-1 changes, then Wilder-smoothed as
/// s - s/N + x, giving +DI/-DI = 100·DM/TR from bar N (0 when TR ≈ 0); ADX is the mean of the first N DX values
/// (first ADX at bar 2N-1, i.e. after 2N inputs) then (adx·(N-1) + dx)/N, skipping DX when TR or +DI + -DI ≈ 0.
/// </summary>
public sealed class Adx : IBarIndicator
{
    private const double Epsilon = 1e-14;
    private readonly double _period;
    private readonly double _periodMinusOne;
    private int _count;
    private bool _ready;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _plusDm;
    private double _minusDm;
    private double _trueRange;
    private double _dxSum;
    private double _adx = double.NaN;

    public Adx(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _period = period;
        _periodMinusOne = period - 1;
        Reset();
    }

    public int Period { get; }

    /// <summary>ADX is first ready after 2N inputs (TA-Lib lookback 2N-1).</summary>
    public int WarmUpPeriod => 2 * Period;

    public bool IsReady => _ready;

    /// <summary>The ADX.</summary>
    public double Current => _adx;

    public double PlusDi { get; private set; }

    public double MinusDi { get; private set; }

    /// <summary>True once +DI and -DI have values (after N+1 inputs, TA-Lib PLUS_DI lookback N).</summary>
    public bool DirectionalIndicatorsReady => _count > Period;

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        var count = _count;
        if (count == 0)
        {
            _previousHigh = high;
            _previousLow = low;
            _previousClose = close;
            _count = 1;
            return false;
        }
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var trueRange = TrueRange.Of(high, low, _previousClose);
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;

        if (count < Period)
        {
            if (down > 0 && up < down) _minusDm += down;
            else if (up > 0 && up > down) _plusDm += up;
            _trueRange += trueRange;
            _count = count + 1;
            return false;
        }

        var minusDm = _minusDm - (_minusDm / _period);
        var plusDm = _plusDm - (_plusDm / _period);
        if (down > 0 && up < down) minusDm += down;
        else if (up > 0 && up > down) plusDm += up;
        var smoothedRange = _trueRange - (_trueRange / _period) + trueRange;
        _minusDm = minusDm;
        _plusDm = plusDm;
        _trueRange = smoothedRange;

        var dx = double.NaN;
        if (smoothedRange > -Epsilon && smoothedRange < Epsilon)
        {
            MinusDi = 0;
            PlusDi = 0;
        }
        else
        {
            var minusDi = 100.0 * (minusDm / smoothedRange);
            var plusDi = 100.0 * (plusDm / smoothedRange);
            MinusDi = minusDi;
            PlusDi = plusDi;
            var diSum = minusDi + plusDi;
            if (!(diSum > -Epsilon && diSum < Epsilon))
                dx = 100.0 * (Math.Abs(minusDi - plusDi) / diSum);
        }

        if (_ready)
        {
            if (!double.IsNaN(dx)) _adx = ((_adx * _periodMinusOne) + dx) / _period;
            return true;
        }
        if (!double.IsNaN(dx)) _dxSum += dx;
        _count = ++count;
        if (count < 2 * Period) return false;
        _adx = _dxSum / _period;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _ready = false;
        _previousHigh = _previousLow = _previousClose = 0;
        _plusDm = _minusDm = _trueRange = _dxSum = 0;
        _adx = double.NaN;
        PlusDi = MinusDi = double.NaN;
    }
}
