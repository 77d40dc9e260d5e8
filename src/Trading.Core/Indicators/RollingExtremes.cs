using System.Runtime.CompilerServices;

namespace Trading.Core.Indicators;

/// <summary>
/// Highest high and lowest low over the last N bars (current included), kept with two monotonic queues in
/// pre-allocated rings: amortised O(1) per bar, no allocation.
/// </summary>
public sealed class RollingExtremes
{
    private readonly MonotonicQueue _highs;
    private readonly MonotonicQueue _lows;
    private long _index;

    public RollingExtremes(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _highs = new MonotonicQueue(period);
        _lows = new MonotonicQueue(period);
    }

    public int Period { get; }

    /// <summary>True once N bars have been seen.</summary>
    public bool IsFull => _index >= Period;

    public double Highest => -_highs.Front;

    public double Lowest => _lows.Front;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low)
    {
        var index = _index++;
        var expired = index - Period;
        _highs.Push(index, -high, expired);
        _lows.Push(index, low, expired);
    }

    public void Reset()
    {
        _index = 0;
        _highs.Clear();
        _lows.Clear();
    }

    /// <summary>Indices with increasing values from front to back; the front is the window minimum (highs are stored negated).</summary>
    private sealed class MonotonicQueue(int capacity)
    {
        private readonly double[] _values = new double[capacity];
        private readonly long[] _indices = new long[capacity];
        private int _head;
        private int _count;

        public double Front => _values[_head];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(long index, double value, long expired)
        {
            var values = _values;
            var capacity = values.Length;
            if (_count > 0 && _indices[_head] <= expired)
            {
                if (++_head == capacity) _head = 0;
                _count--;
            }
            var back = _head + _count - 1;
            if (back >= capacity) back -= capacity;
            while (_count > 0 && values[back] >= value)
            {
                _count--;
                if (--back < 0) back = capacity - 1;
            }
            if (++back == capacity) back = 0;
            values[back] = value;
            _indices[back] = index;
            _count++;
        }

        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
