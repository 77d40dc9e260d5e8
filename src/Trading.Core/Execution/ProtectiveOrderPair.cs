using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// A long position's protection placed at the exchange: a sell that works when the price falls to <see cref="StopPrice"/>
/// (<see cref="StopLoss"/>, a market order once triggered) and one resting at the target (<see cref="TakeProfit"/>, a limit
/// sell). With both it is one order list, <see cref="ListClientOrderId"/>, where the first to trigger or fill cancels the other.
/// The orders are Submitted and already stored, with client order ids derived from the position, so they are never placed twice.
/// </summary>
public sealed record ProtectiveOrderPair(Symbol Symbol, string ListClientOrderId, Order? StopLoss, decimal? StopPrice, Order? TakeProfit)
{
    public IEnumerable<Order> Orders => new[] { StopLoss, TakeProfit }.OfType<Order>();
}

/// <summary>A venue that can hold protective orders itself (an exchange); see <see cref="ProtectiveOrderMode.Exchange"/>.</summary>
public interface IProtectiveOrderVenue
{
    /// <summary>Places the pair; the transitions of its orders. Throws <see cref="VenueOutcomeUnknownException"/> when the venue may or may not have it.</summary>
    Task<IReadOnlyList<VenueUpdate>> PlaceProtectiveAsync(ProtectiveOrderPair pair, CancellationToken ct);
}
