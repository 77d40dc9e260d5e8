using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Slow stochastic as TA-Lib STOCH with SMA smoothing: fast %K = (close - lowest low)/((highest high - lowest low)/100)
/// over the last fastK bars (0 when the range is 0), %K = SMA(fast %K, slowK), %D = SMA(%K, slowD);
/// first value after fastK + slowK + slowD - 2 inputs (9 for 5/3/3).
/// </summary>
public sealed class Stochastic : IBarIndicator
{
    private readonly RollingExtremes _range;
    private readonly Sma _slowK;
    private readonly Sma _slowD;

    public Stochastic(int fastKPeriod = 5, int slowKPeriod = 3, int slowDPeriod = 3)
    {
        _range = new RollingExtremes(fastKPeriod);
        _slowK = new Sma(slowKPeriod);
        _slowD = new Sma(slowDPeriod);
    }

    public int FastKPeriod => _range.Period;

    public int SlowKPeriod => _slowK.Period;

    public int SlowDPeriod => _slowD.Period;

    public int WarmUpPeriod => FastKPeriod + SlowKPeriod + SlowDPeriod - 2;

    public bool IsReady => _slowD.IsReady;

    /// <summary>The slow %K.</summary>
    public double Current => K;

    /// <summary>The slow %K (NaN before ready).</summary>
    public double K => _slowD.IsReady ? _slowK.Current : double.NaN;

    /// <summary>The slow %D (NaN before ready).</summary>
    public double D => _slowD.Current;

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        _range.Add(high, low);
        if (!_range.IsFull) return false;
        var lowest = _range.Lowest;
        var diff = (_range.Highest - lowest) / 100.0;
        var fastK = diff != 0.0 ? (close - lowest) / diff : 0.0;
        return _slowK.Update(fastK) && _slowD.Update(_slowK.Current);
    }

    public void Reset()
    {
        _range.Reset();
        _slowK.Reset();
        _slowD.Reset();
    }
}
