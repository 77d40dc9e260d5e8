using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Highest high and lowest low over the last N bars (current included) by the van Herk/Gil-Werman block method:
/// the window is the tail of the previous block of N bars (suffix extremes, computed once per block) plus the head of
/// the current block (running prefix extremes). About three branch-free max/min per bar, no allocation
/// (prices are never NaN, so the native max/min give the same values as any other comparison).
/// </summary>
public sealed class RollingExtremes
{
    private readonly double[] _blockHighs;
    private readonly double[] _blockLows;
    private readonly double[] _suffixHighs;
    private readonly double[] _suffixLows;
    private int _offset;
    private bool _full;
    private double _prefixHigh;
    private double _prefixLow;

    public RollingExtremes(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _blockHighs = new double[period];
        _blockLows = new double[period];
        _suffixHighs = new double[period + 1];
        _suffixLows = new double[period + 1];
        Reset();
    }

    public int Period { get; }

    /// <summary>True once N bars have been seen.</summary>
    public bool IsFull => _full;

    public double Highest { get; private set; }

    public double Lowest { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low)
    {
        var offset = _offset;
        _blockHighs[offset] = high;
        _blockLows[offset] = low;
        var prefixHigh = double.MaxNative(high, _prefixHigh);
        var prefixLow = double.MinNative(low, _prefixLow);
        Highest = double.MaxNative(_suffixHighs[offset + 1], prefixHigh);
        Lowest = double.MinNative(_suffixLows[offset + 1], prefixLow);
        if (++offset == Period)
        {
            CloseBlock();
            offset = 0;
            prefixHigh = double.NegativeInfinity;
            prefixLow = double.PositiveInfinity;
            _full = true;
        }
        _offset = offset;
        _prefixHigh = prefixHigh;
        _prefixLow = prefixLow;
    }

    public void Reset()
    {
        _offset = 0;
        _full = false;
        _prefixHigh = double.NegativeInfinity;
        _prefixLow = double.PositiveInfinity;
        Array.Fill(_suffixHighs, double.NegativeInfinity);
        Array.Fill(_suffixLows, double.PositiveInfinity);
        Highest = double.NaN;
        Lowest = double.NaN;
    }

    /// <summary>Suffix extremes of the completed block: suffix[k] = extreme of block[k..N-1]; suffix[N] stays ±infinity.</summary>
    private void CloseBlock()
    {
        double high = double.NegativeInfinity, low = double.PositiveInfinity;
        for (var k = Period - 1; k >= 0; k--)
        {
            high = double.MaxNative(_blockHighs[k], high);
            low = double.MinNative(_blockLows[k], low);
            _suffixHighs[k] = high;
            _suffixLows[k] = low;
        }
    }
}
