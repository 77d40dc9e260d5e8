using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Keltner channels (not in TA-Lib): middle = EMA(close, 20) seeded as TA-Lib EMA, upper/lower = middle ± 2 × ATR(10)
/// (Wilder, as TA-Lib ATR); first value once both are ready, after max(emaPeriod, atrPeriod + 1) bars.
/// </summary>
public sealed class KeltnerChannels : IBarIndicator
{
    private readonly Ema _middle;
    private readonly Atr _atr;
    private readonly double _multiplier;
    private bool _ready;

    public KeltnerChannels(int emaPeriod = 20, int atrPeriod = 10, double multiplier = 2.0)
    {
        if (!double.IsFinite(multiplier) || multiplier < 0) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "must be finite and non-negative");
        _middle = new Ema(emaPeriod);
        _atr = new Atr(atrPeriod);
        _multiplier = multiplier;
        Reset();
    }

    public int EmaPeriod => _middle.Period;

    public int AtrPeriod => _atr.Period;

    public double Multiplier => _multiplier;

    public int WarmUpPeriod => Math.Max(_middle.WarmUpPeriod, _atr.WarmUpPeriod);

    public bool IsReady => _ready;

    /// <summary>The middle line.</summary>
    public double Current => Middle;

    public double Upper { get; private set; }

    public double Middle { get; private set; }

    public double Lower { get; private set; }

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        var emaReady = _middle.Update(close);
        var atrReady = _atr.Update(high, low, close);
        if (!(emaReady && atrReady)) return false;
        var middle = _middle.Current;
        var offset = _multiplier * _atr.Current;
        Middle = middle;
        Upper = middle + offset;
        Lower = middle - offset;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _middle.Reset();
        _atr.Reset();
        _ready = false;
        Upper = Middle = Lower = double.NaN;
    }
}
