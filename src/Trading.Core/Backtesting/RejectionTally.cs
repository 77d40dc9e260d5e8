using Trading.Core.Risk;

namespace Trading.Core.Backtesting;

/// <summary>
/// A backtest's signals not turned into orders, counted per reason: risk denials per check (keyed by the check and the first
/// reason it gave, so no formatting per denial), other reasons as they are; 100 keys at most.
/// </summary>
internal sealed class RejectionTally
{
    private const int MaxReasons = 100;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<RiskCheck, string> _riskKeys = [];

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(RiskCheck check, string? reason)
    {
        if (check == RiskCheck.Sizing)
        {
            Add(reason ?? check.ToString());
            return;
        }
        if (!_riskKeys.TryGetValue(check, out var key))
        {
            key = $"{check}: {reason}";
            _riskKeys[check] = key;
        }
        Add(key);
    }

    public void Add(string reason)
    {
        if (_counts.TryGetValue(reason, out var count)) _counts[reason] = count + 1;
        else if (_counts.Count < MaxReasons) _counts[reason] = 1;
    }
}
