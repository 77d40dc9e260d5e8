using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Donchian channels (not in TA-Lib): upper = highest high and lower = lowest low of the last N bars including the
/// current one, middle = (upper + lower)/2; first value after N bars.
/// </summary>
public sealed class DonchianChannels : IBarIndicator
{
    private readonly RollingExtremes _range;
    private bool _ready;

    public DonchianChannels(int period = 20)
    {
        _range = new RollingExtremes(period);
        Reset();
    }

    public int Period => _range.Period;

    public int WarmUpPeriod => Period;

    public bool IsReady => _ready;

    /// <summary>The middle line.</summary>
    public double Current => Middle;

    public double Upper { get; private set; }

    public double Middle { get; private set; }

    public double Lower { get; private set; }

    public bool Update(in PriceBar bar) => Update(bar.High, bar.Low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low)
    {
        _range.Add(high, low);
        if (!_range.IsFull) return false;
        var upper = _range.Highest;
        var lower = _range.Lowest;
        Upper = upper;
        Lower = lower;
        Middle = (upper + lower) / 2;
        _ready = true;
        return true;
    }

    public void Reset()
    {
        _range.Reset();
        _ready = false;
        Upper = Middle = Lower = double.NaN;
    }
}
