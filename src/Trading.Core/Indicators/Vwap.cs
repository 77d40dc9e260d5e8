using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Volume-weighted average price (not in TA-Lib) of the typical price (H+L+C)/3: Σ(tp·v)/Σv either over the session
/// (bars whose open time falls on the same UTC day; resets at 00:00 UTC; ready from the first bar) or over the last N
/// bars (ready after N bars); while the summed volume is 0 the value is the latest typical price.
/// </summary>
public sealed class Vwap : IBarIndicator
{
    private const long DayMs = 86_400_000;
    private readonly double[] _priceVolume;
    private readonly double[] _volume;
    private int _head;
    private int _count;
    private int _volumeBars;
    private bool _ready;
    private long _day;
    private double _sumPriceVolume;
    private double _sumVolume;
    private double _current = double.NaN;

    private Vwap(int period)
    {
        Period = period;
        _priceVolume = new double[period];
        _volume = new double[period];
        Reset();
    }

    /// <summary>A VWAP that restarts at every UTC day boundary.</summary>
    public static Vwap Session() => new(0);

    /// <summary>A VWAP over the last <paramref name="period"/> bars.</summary>
    public static Vwap Rolling(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        return new Vwap(period);
    }

    /// <summary>The rolling window length, or 0 for a session VWAP.</summary>
    public int Period { get; }

    public bool IsSession => Period == 0;

    public int WarmUpPeriod => IsSession ? 1 : Period;

    public bool IsReady => _ready;

    public double Current => _current;

    public bool Update(in PriceBar bar) => Update(bar.TimeMs, bar.High, bar.Low, bar.Close, bar.Volume);

    /// <summary>Adds a bar; <paramref name="openTimeMs"/> (Unix ms UTC) only matters for a session VWAP.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(long openTimeMs, double high, double low, double close, double volume)
    {
        var typical = (high + low + close) / 3;
        if (IsSession)
        {
            var day = Math.DivRem(openTimeMs, DayMs, out var rest) - (rest < 0 ? 1 : 0);
            if (day != _day)
            {
                _day = day;
                _sumPriceVolume = 0;
                _sumVolume = 0;
            }
            _sumPriceVolume += typical * volume;
            _sumVolume += volume;
            _ready = true;
            _current = _sumVolume > 0 ? _sumPriceVolume / _sumVolume : typical;
            return true;
        }
        return UpdateRolling(typical, volume);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool UpdateRolling(double typical, double volume)
    {
        var head = _head;
        if (_ready)
        {
            _sumPriceVolume -= _priceVolume[head];
            _sumVolume -= _volume[head];
            if (_volume[head] > 0) _volumeBars--;
        }
        var priceVolume = typical * volume;
        _priceVolume[head] = priceVolume;
        _volume[head] = volume;
        if (volume > 0) _volumeBars++;
        _sumPriceVolume += priceVolume;
        _sumVolume += volume;
        if (++head == _volume.Length) head = 0;
        _head = head;
        if (!_ready)
        {
            if (++_count < Period) return false;
            _ready = true;
        }
        if (_volumeBars == 0)
        {
            _sumPriceVolume = 0;
            _sumVolume = 0;
            _current = typical;
        }
        else
        {
            _current = _sumPriceVolume / _sumVolume;
        }
        return true;
    }

    public void Reset()
    {
        Array.Clear(_priceVolume);
        Array.Clear(_volume);
        _head = 0;
        _count = 0;
        _volumeBars = 0;
        _ready = false;
        _day = long.MinValue;
        _sumPriceVolume = 0;
        _sumVolume = 0;
        _current = double.NaN;
    }
}
