namespace Trading.Core.Backtesting.Optimization;

/// <summary>The Cartesian product of several <see cref="ParameterRange"/>s, enumerated in a fixed order.</summary>
public sealed class ParameterSpace
{
    private readonly ParameterRange[] _ranges;

    public ParameterSpace(IEnumerable<ParameterRange> ranges)
    {
        _ranges = ranges.ToArray();
        var duplicate = _ranges.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"Parameter '{duplicate.Key}' is given twice.");
        Count = _ranges.Aggregate(1L, (n, r) => n * r.Values.Count);
    }

    public IReadOnlyList<ParameterRange> Ranges => _ranges;

    public long Count { get; }

    /// <summary>Combination number <paramref name="index"/>; the last range varies fastest.</summary>
    public IReadOnlyDictionary<string, decimal> At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var values = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = _ranges.Length - 1; i >= 0; i--)
        {
            var range = _ranges[i];
            values[range.Name] = range.Values[(int)(index % range.Values.Count)];
            index /= range.Values.Count;
        }
        return values;
    }

    /// <summary>Every combination, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, decimal>> Grid()
    {
        var all = new List<IReadOnlyDictionary<string, decimal>>((int)Math.Min(Count, 1_000_000));
        for (long i = 0; i < Count; i++) all.Add(At(i));
        return all;
    }

    /// <summary>
    /// <paramref name="trials"/> distinct combinations drawn with a seeded generator (the whole grid when it is smaller),
    /// so the same seed gives the same trials.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, decimal>> Random(int trials, int seed)
    {
        if (trials >= Count) return Grid();
        var random = new Random(seed);
        var picked = new HashSet<long>();
        var order = new List<long>(trials);
        while (order.Count < trials)
        {
            var index = random.NextInt64(Count);
            if (picked.Add(index)) order.Add(index);
        }
        return order.Select(At).ToArray();
    }
}
