using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Bollinger Bands as TA-Lib BBANDS with an SMA middle: middle ± k·(population stdev over N), first value after N inputs;
/// bandwidth = (upper - lower)/middle (0 if middle is 0) and %B = (x - lower)/(upper - lower) (0.5 when the bands touch).
/// </summary>
public sealed class BollingerBands : ISeriesIndicator
{
    private readonly StandardDeviation _deviation;
    private readonly double _multiplier;

    public BollingerBands(int period = 20, double multiplier = 2.0)
    {
        if (!double.IsFinite(multiplier) || multiplier < 0) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "must be finite and non-negative");
        _deviation = new StandardDeviation(period);
        _multiplier = multiplier;
        Reset();
    }

    public int Period => _deviation.Period;

    public double Multiplier => _multiplier;

    public int WarmUpPeriod => _deviation.WarmUpPeriod;

    public bool IsReady => _deviation.IsReady;

    /// <summary>The middle band.</summary>
    public double Current => Middle;

    public double Middle { get; private set; }

    public double Upper { get; private set; }

    public double Lower { get; private set; }

    public double Bandwidth { get; private set; }

    public double PercentB { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double value)
    {
        if (!_deviation.Update(value)) return false;
        var middle = _deviation.Mean;
        var offset = _deviation.Deviation * _multiplier;
        var upper = middle + offset;
        var lower = middle - offset;
        var width = upper - lower;
        Middle = middle;
        Upper = upper;
        Lower = lower;
        Bandwidth = middle == 0 ? 0.0 : width / middle;
        PercentB = width == 0 ? 0.5 : (value - lower) / width;
        return true;
    }

    public void Reset()
    {
        _deviation.Reset();
        Middle = Upper = Lower = Bandwidth = PercentB = double.NaN;
    }
}
