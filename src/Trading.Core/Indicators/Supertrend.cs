using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Supertrend (not in TA-Lib), as TradingView's ta.supertrend but on TA-Lib's Wilder ATR: basic bands (H+L)/2 ± m·ATR(N);
/// the final upper band takes the basic one if lower than the previous final upper or the previous close was above it,
/// else carries it (mirror rule for the lower band); direction starts down (-1), flips up when close &gt; final upper while
/// down and down when close &lt; final lower while up; value = final lower when up, final upper when down; ready after N+1 bars.
/// </summary>
public sealed class Supertrend : IBarIndicator
{
    private readonly Atr _atr;
    private readonly double _multiplier;
    private bool _ready;
    private double _previousClose;
    private double _finalUpper;
    private double _finalLower;

    public Supertrend(int atrPeriod = 10, double multiplier = 3.0)
    {
        if (!double.IsFinite(multiplier) || multiplier <= 0) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "must be finite and positive");
        _atr = new Atr(atrPeriod);
        _multiplier = multiplier;
        Reset();
    }

    public int AtrPeriod => _atr.Period;

    public double Multiplier => _multiplier;

    public int WarmUpPeriod => _atr.WarmUpPeriod;

    public bool IsReady => _ready;

    /// <summary>The supertrend line.</summary>
    public double Current => Value;

    public double Value { get; private set; }

    /// <summary>+1 in an uptrend (line below price), -1 in a downtrend, 0 before ready.</summary>
    public int Direction { get; private set; }

    public double UpperBand => _ready ? _finalUpper : double.NaN;

    public double LowerBand => _ready ? _finalLower : double.NaN;

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        if (!_atr.Update(high, low, close))
        {
            _previousClose = close;
            return false;
        }
        var middle = (high + low) / 2;
        var offset = _multiplier * _atr.Current;
        var basicUpper = middle + offset;
        var basicLower = middle - offset;
        int direction;
        if (!_ready)
        {
            _finalUpper = basicUpper;
            _finalLower = basicLower;
            direction = -1;
            _ready = true;
        }
        else
        {
            if (basicUpper < _finalUpper || _previousClose > _finalUpper) _finalUpper = basicUpper;
            if (basicLower > _finalLower || _previousClose < _finalLower) _finalLower = basicLower;
            direction = Direction;
            if (direction < 0 && close > _finalUpper) direction = 1;
            else if (direction > 0 && close < _finalLower) direction = -1;
        }
        Direction = direction;
        Value = direction > 0 ? _finalLower : _finalUpper;
        _previousClose = close;
        return true;
    }

    public void Reset()
    {
        _atr.Reset();
        _ready = false;
        _previousClose = 0;
        _finalUpper = _finalLower = 0;
        Direction = 0;
        Value = double.NaN;
    }
}
