using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The limit entries the policy placed (ENTRY_ORDER_TYPE=limit) while they rest, with what their timeout needs: the
/// signal's price, when they were placed in market time and how often they were re-priced. On each candle of their
/// symbol <see cref="Review"/> asks <see cref="LimitEntryTimeoutPolicy"/> what to do with each.
/// </summary>
public sealed class LimitEntryBook
{
    private readonly Dictionary<string, RestingEntry> _resting = new(StringComparer.Ordinal);

    public int Count => _resting.Count;

    public void Track(Order order, in OrderIntent intent, DateTimeOffset placedAt) => _resting[order.Id] = new RestingEntry(order, intent, placedAt);

    /// <summary>The entry left the book (filled, cancelled, expired).</summary>
    public void Forget(string orderId) => _resting.Remove(orderId);

    /// <summary>The timed-out entries of <paramref name="candle"/>'s symbol and what to do with each, at the candle's close.</summary>
    public void Review(in Candle candle, LimitEntryTimeoutPolicy policy, SymbolFilters? filters, List<LimitEntryReview> reviews)
    {
        if (_resting.Count == 0) return;
        foreach (var entry in _resting.Values)
        {
            if (entry.Order.Symbol != candle.Symbol) continue;
            var aged = entry.Order with { CreatedAt = entry.PlacedAt };
            var decision = policy.Decide(aged, candle.CloseTime, candle.Close, entry.Intent.SignalPrice, entry.Intent.Reprices, filters?.TickSize ?? 0m);
            if (decision.Action != LimitTimeoutAction.Wait) reviews.Add(new LimitEntryReview(entry.Order, decision, entry.Intent));
        }
    }

    private readonly record struct RestingEntry(Order Order, OrderIntent Intent, DateTimeOffset PlacedAt);
}
