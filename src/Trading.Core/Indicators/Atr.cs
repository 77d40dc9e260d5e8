using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Average true range (Wilder) as TA-Lib ATR: seeded with the simple mean of the first N true ranges (TRANGE starts at
/// the second bar, so the first value comes after N+1 bars), then (atr·(N-1) + tr)/N.
/// </summary>
public sealed class Atr : IBarIndicator
{
    private readonly double _period;
    private readonly double _periodMinusOne;
    private int _count;
    private bool _ready;
    private double _previousClose;
    private double _seedSum;
    private double _current = double.NaN;

    public Atr(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _period = period;
        _periodMinusOne = period - 1;
    }

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public bool IsReady => _ready;

    public double Current => _current;

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        var trueRange = TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        if (_ready)
        {
            _current = ((_current * _periodMinusOne) + trueRange) / _period;
            return true;
        }
        if (_count++ == 0) return false;
        _seedSum += trueRange;
        if (_count <= Period) return false;
        _current = _seedSum / _period;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _ready = false;
        _previousClose = 0;
        _seedSum = 0;
        _current = double.NaN;
    }
}
