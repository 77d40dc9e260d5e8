using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// Where the executor sends orders (paper or Binance). Calls return the order's transitions they caused;
/// later ones (fills on a new candle, user-data events) go to the sink given to <see cref="Attach"/>.
/// What a venue can do beyond orders is stated by its capabilities, never found out from its type.
/// </summary>
public interface IExecutionVenue
{
    string Name { get; }

    /// <summary>The venue's matching book when it is simulated and kept in the store (paper); null for an exchange.</summary>
    ISimulatedBook? SimulatedBook { get; }

    /// <summary>The venue's own account (balances, open orders, its event stream) when it keeps one apart from the store; null for paper.</summary>
    IVenueAccount? Account { get; }

    /// <summary>Where protective orders can be placed at the venue (an exchange); null when the venue cannot hold them.</summary>
    IProtectiveOrderVenue? ProtectiveOrders => null;

    /// <summary>Where a re-priced order replaces the open one in one request; null when the venue cancels and places apart.</summary>
    IOrderReplacingVenue? Replacing => null;

    /// <summary>Where the venue's best bid and ask can be read (an exchange's book ticker); null when it has none.</summary>
    IVenueQuotes? Quotes => null;

    void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink);

    /// <summary>Sends a Submitted order. Throws <see cref="VenueOutcomeUnknownException"/> when the venue may or may not have it.</summary>
    Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct);

    /// <summary>
    /// Sends a protective exit the kernel triggered on a candle. A simulated venue fills it at once at the trigger's
    /// price (as a backtest does); an exchange receives it as the order it is (market for a stop, limit at the target).
    /// </summary>
    Task<IReadOnlyList<VenueUpdate>> PlaceExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct);

    /// <summary>
    /// Looks the order up by its client order id and returns the transitions that bring <paramref name="stored"/>
    /// up to the venue's state (empty when nothing changed), or null when the venue has never seen it.
    /// </summary>
    Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct);

    /// <summary>Cancels an open order; the transitions, or a venue error as <see cref="VenueRejectedException"/>.</summary>
    Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct);
}
