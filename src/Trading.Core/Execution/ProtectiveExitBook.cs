using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The protective exits of long positions: the levels an entry order asked for (the signal's stop and target, or
/// the policy's percentages) wait here until the entry fills, then arm its symbol's stop-loss and take-profit until
/// one fires or the position is flat. Percent levels are measured from the entry's reference price, the price of the
/// signal that decided it (the same in a backtest and live, whatever the fill), or the fill's price when there is none,
/// and put on the tick (the stop down, the target up).
/// </summary>
public sealed class ProtectiveExitBook
{
    private readonly Dictionary<Symbol, ProtectiveLevels> _armed = [];
    private readonly Dictionary<string, PendingExit> _pending = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<Symbol, ProtectiveLevels> Armed => _armed;

    public int ArmedCount => _armed.Count;

    /// <summary>Counts every change of the armed levels, so a journal writes them only when they changed.</summary>
    public long Version { get; private set; }

    public bool HasPending => _pending.Count > 0;

    /// <summary>
    /// Remembers the signal's own levels for an entry order (null levels fall back to the policy when it fills), and the
    /// price the policy's percentages are measured from (0: the fill's price).
    /// </summary>
    public void Expect(string orderId, decimal? stopLoss, decimal? takeProfit, decimal referencePrice = 0m) =>
        _pending[orderId] = new PendingExit(stopLoss, takeProfit, referencePrice);

    /// <summary>Arms the symbol when <paramref name="fill"/> belongs to an entry waiting for its levels; true when armed.</summary>
    public bool TryArm(Fill fill, ExecutionPolicy policy, SymbolFilters? filters)
    {
        if (!_pending.TryGetValue(fill.OrderId, out var asked)) return false;
        var entry = asked.ReferencePrice > 0 ? asked.ReferencePrice : fill.Price;
        var fromPolicy = ProtectiveLevels.ForLong(entry, policy.StopLossPct, policy.TakeProfitPct, tickSize: filters?.TickSize ?? 0m);
        var levels = new ProtectiveLevels(asked.StopLoss ?? fromPolicy.StopLoss, asked.TakeProfit ?? fromPolicy.TakeProfit);
        if (levels.StopLoss is null && levels.TakeProfit is null) return false;
        _armed[fill.Symbol] = levels;
        Version++;
        return true;
    }

    /// <summary>The entry left the book (filled, cancelled or expired): its levels stop waiting.</summary>
    public void Forget(string orderId) => _pending.Remove(orderId);

    public bool Disarm(Symbol symbol)
    {
        if (!_armed.Remove(symbol)) return false;
        Version++;
        return true;
    }

    public bool TryGet(Symbol symbol, out ProtectiveLevels levels) => _armed.TryGetValue(symbol, out levels);

    /// <summary>Re-arms levels persisted before a restart.</summary>
    public void Restore(Symbol symbol, ProtectiveLevels levels)
    {
        if (levels.StopLoss is null && levels.TakeProfit is null) _armed.Remove(symbol);
        else _armed[symbol] = levels;
        Version++;
    }

    /// <summary>Replaces every armed level with <paramref name="armed"/> (the journal, changed by another process).</summary>
    public void ReplaceArmed(IEnumerable<(Symbol Symbol, ProtectiveLevels Levels)> armed)
    {
        ArgumentNullException.ThrowIfNull(armed);
        _armed.Clear();
        foreach (var (symbol, levels) in armed) Restore(symbol, levels);
        Version++;
    }

    private readonly record struct PendingExit(decimal? StopLoss, decimal? TakeProfit, decimal ReferencePrice);
}
