using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Trading.Core.Strategies;

/// <summary>
/// A signal's indicator values: a small read-only map kept as two arrays in insertion order, cheaper to build than a
/// dictionary (one is made per signal, thousands of times in a backtest). Keys are ordinal.
/// </summary>
public sealed class IndicatorSnapshot : IReadOnlyDictionary<string, double>
{
    private readonly string[] _keys;
    private readonly double[]? _values;
    private readonly double _single;

    private IndicatorSnapshot(string[] keys, double[] values)
    {
        _keys = keys;
        _values = values;
    }

    private IndicatorSnapshot(string[] singleKey, double value)
    {
        _keys = singleKey;
        _single = value;
    }

    public static IndicatorSnapshot Empty { get; } = new([], []);

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<double> Values => _values ?? [_single];

    public double this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The indicator '{key}' is not in the snapshot.");

    /// <summary>The finite values of <paramref name="source"/>, in its enumeration order.</summary>
    public static IndicatorSnapshot FiniteOf(Dictionary<string, double> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = 0;
        foreach (var (_, value) in source)
        {
            if (double.IsFinite(value)) count++;
        }
        if (count == 0) return Empty;
        var keys = new string[count];
        var values = new double[count];
        var at = 0;
        foreach (var (key, value) in source)
        {
            if (!double.IsFinite(value)) continue;
            keys[at] = key;
            values[at++] = value;
        }
        return new IndicatorSnapshot(keys, values);
    }

    /// <summary>The one value <paramref name="key"/> = <paramref name="value"/>, or <see cref="Empty"/> when it is not finite.</summary>
    public static IndicatorSnapshot FiniteOne(string key, double value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return double.IsFinite(value) ? new IndicatorSnapshot([key], value) : Empty;
    }

    /// <summary>As <see cref="FiniteOne(string, double)"/> with the key in a one-element array the caller keeps and shares.</summary>
    internal static IndicatorSnapshot FiniteOne(string[] singleKey, double value)
    {
        ArgumentNullException.ThrowIfNull(singleKey);
        if (singleKey.Length != 1) throw new ArgumentException("Exactly one key is expected.", nameof(singleKey));
        return double.IsFinite(value) ? new IndicatorSnapshot(singleKey, value) : Empty;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? ValueAt(index) : 0d;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return new KeyValuePair<string, double>(_keys[i], ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private double ValueAt(int index) => _values is null ? _single : _values[index];

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
