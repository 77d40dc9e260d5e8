using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// The account an exchange keeps apart from the store (testnet, live): read to reconcile balances and open orders at
/// start-up and now and then, and followed through its event stream (Binance's user data stream).
/// </summary>
public interface IVenueAccount
{
    /// <summary>The balances at the venue; a <see cref="VenueOutcomeUnknownException"/> when they cannot be read.</summary>
    Task<VenueBalances> BalancesAsync(CancellationToken ct);

    /// <summary>Every open order at the venue; a <see cref="VenueOutcomeUnknownException"/> when they cannot be listed.</summary>
    Task<IReadOnlyList<VenueOpenOrder>> OpenOrdersAsync(CancellationToken ct);

    /// <summary>Cancels every open order of <paramref name="symbol"/> at the venue in one request (stop-all): the orders it cancelled.</summary>
    Task<IReadOnlyList<VenueOpenOrder>> CancelAllAsync(Symbol symbol, CancellationToken ct);

    /// <summary>The account's event stream (not started), or null when the venue has none.</summary>
    IVenueEventStream? Events { get; }
}
