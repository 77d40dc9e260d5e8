using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// A simulated matching book whose balances and resting orders are the store's (paper). The executor loads it under the
/// store's lock at the start of every step and hands it every closed candle to match; an order sent to it is answered within
/// the step, so one left Submitted when the lock is free was never accepted. An exchange has no such book: it matches itself.
/// </summary>
public interface ISimulatedBook
{
    /// <summary>Replaces the book with the store's balances and open orders.</summary>
    void Load(decimal quoteBalance, Func<Symbol, decimal> baseBalance, IEnumerable<Order> openOrders);

    /// <summary>Records the latest known price and market time of a symbol without matching (a process without live candles).</summary>
    void SetMarket(Symbol symbol, decimal price, DateTimeOffset time);

    /// <summary>Matches the open orders against one closed candle; the transitions, for the caller to apply.</summary>
    IReadOnlyList<VenueUpdate> OnCandle(Candle candle);

    /// <summary>Matches one open order at one known price (a one-price bar at <paramref name="time"/>), as a one-shot command fills.</summary>
    IReadOnlyList<VenueUpdate> MatchOrderAt(Order open, decimal price, DateTimeOffset time);
}
