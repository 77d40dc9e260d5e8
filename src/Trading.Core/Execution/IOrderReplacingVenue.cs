using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// A venue that cancels an open order and places its replacement in one request (Binance's order/cancelReplace), so a
/// re-priced limit entry never leaves a moment with neither order, nor both. It never places the replacement when the
/// cancel fails (the old order filled or is gone).
/// </summary>
public interface IOrderReplacingVenue
{
    /// <summary>
    /// The transitions of both orders (the old one's cancel, the new one's placement, rejection or failure); a
    /// <see cref="VenueOutcomeUnknownException"/> when the venue may or may not have done either.
    /// </summary>
    Task<IReadOnlyList<VenueUpdate>> ReplaceAsync(Order open, Order submitted, CancellationToken ct);
}
