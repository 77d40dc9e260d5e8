using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// On-balance volume as TA-Lib OBV: starts at the first bar's volume, then adds the volume when the close rises,
/// subtracts it when the close falls, and keeps it when unchanged; ready from the first bar.
/// </summary>
public sealed class Obv : IBarIndicator
{
    private bool _ready;
    private double _previousClose;
    private double _current = double.NaN;

    public int WarmUpPeriod => 1;

    public bool IsReady => _ready;

    public double Current => _current;

    public bool Update(in PriceBar bar) => Update(bar.Close, bar.Volume);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double close, double volume)
    {
        if (!_ready)
        {
            _current = volume;
            _previousClose = close;
            _ready = true;
            return true;
        }
        if (close > _previousClose) _current += volume;
        else if (close < _previousClose) _current -= volume;
        _previousClose = close;
        return true;
    }

    public void Reset()
    {
        _ready = false;
        _previousClose = 0;
        _current = double.NaN;
    }
}
