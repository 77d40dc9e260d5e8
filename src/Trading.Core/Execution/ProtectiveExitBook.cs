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
        var tick = filters?.TickSize ?? 0m;
        var entry = asked.ReferencePrice > 0 ? asked.ReferencePrice : fill.Price;
        var stop = asked.StopLoss ?? (policy.StopLossPct > 0 ? Floor(entry * (1m - policy.StopLossPct / 100m), tick) : null);
        var target = asked.TakeProfit ?? (policy.TakeProfitPct > 0 ? Ceiling(entry * (1m + policy.TakeProfitPct / 100m), tick) : null);
        if (stop is null && target is null) return false;
        _armed[fill.Symbol] = new ProtectiveLevels(stop, target);
        return true;
    }

    /// <summary>The entry left the book (filled, cancelled or expired): its levels stop waiting.</summary>
    public void Forget(string orderId) => _pending.Remove(orderId);

    public bool Disarm(Symbol symbol) => _armed.Remove(symbol);

    public bool TryGet(Symbol symbol, out ProtectiveLevels levels) => _armed.TryGetValue(symbol, out levels);

    /// <summary>Re-arms levels persisted before a restart.</summary>
    public void Restore(Symbol symbol, ProtectiveLevels levels)
    {
        if (levels.StopLoss is null && levels.TakeProfit is null) _armed.Remove(symbol);
        else _armed[symbol] = levels;
    }

    private readonly record struct PendingExit(decimal? StopLoss, decimal? TakeProfit, decimal ReferencePrice);

    private static decimal Floor(decimal price, decimal tick) => tick > 0 ? Math.Floor(price / tick) * tick : price;

    private static decimal Ceiling(decimal price, decimal tick) => tick > 0 ? Math.Ceiling(price / tick) * tick : price;
}
