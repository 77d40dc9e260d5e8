namespace Trading.Core.Execution;

/// <summary>
/// The ids "{prefix}1", "{prefix}2", … made once and handed out again: a backtest engine numbers its orders and fills
/// from 1 in every run, so one cache per engine saves a string per order and per fill on each later run. Not thread-safe.
/// </summary>
internal sealed class CounterIdCache(string prefix)
{
    private readonly List<string> _ids = [];

    public string Prefix { get; } = prefix ?? throw new ArgumentNullException(nameof(prefix));

    /// <summary>The id of counter value <paramref name="number"/> (1 or more).</summary>
    public string Get(long number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        if (number > int.MaxValue) return CounterIds.Format(Prefix, number);
        while (_ids.Count < number) _ids.Add(CounterIds.Format(Prefix, _ids.Count + 1));
        return _ids[(int)number - 1];
    }
}
