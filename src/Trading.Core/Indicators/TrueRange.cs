using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// True range as TA-Lib TRANGE: max(high - low, |prevClose - high|, |prevClose - low|); the first bar only supplies
/// the previous close, so the first value comes after 2 bars.
/// </summary>
public sealed class TrueRange : IBarIndicator
{
    private bool _hasPrevious;
    private bool _ready;
    private double _previousClose;
    private double _current = double.NaN;

    public int WarmUpPeriod => 2;

    public bool IsReady => _ready;

    public double Current => _current;

    /// <summary>The true range of one bar given the previous bar's close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double high, double low, double previousClose)
    {
        var greatest = double.MaxNative(high - low, Math.Abs(previousClose - high));
        return double.MaxNative(greatest, Math.Abs(previousClose - low));
    }

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        if (!_hasPrevious)
        {
            _previousClose = close;
            _hasPrevious = true;
            return false;
        }
        _current = Of(high, low, _previousClose);
        _previousClose = close;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _hasPrevious = false;
        _ready = false;
        _previousClose = 0;
        _current = double.NaN;
    }
}
