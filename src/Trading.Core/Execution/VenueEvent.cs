using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>One event of an exchange account's stream (<see cref="IVenueEventStream"/>), in domain terms.</summary>
public abstract record VenueEvent;

/// <summary>
/// A report on one order. <see cref="UpdatesFor"/> gives the transitions it causes on the stored order, or null when it
/// skips something the store has not seen (a lost event): then the order is queried instead.
/// </summary>
public abstract record VenueOrderReport(string ClientOrderId, decimal CumulativeQuantity, string Description) : VenueEvent
{
    public abstract IReadOnlyList<VenueUpdate>? UpdatesFor(Order stored);
}

/// <summary>The new free and locked amounts of the assets that changed.</summary>
public sealed record VenueBalancesChanged(IReadOnlyList<VenueBalance> Balances) : VenueEvent;

/// <summary>A deposit, withdrawal or transfer changed <see cref="Asset"/> by <see cref="Delta"/>; <see cref="Id"/> is stable for the event.</summary>
public sealed record VenueTransfer(string Id, string Asset, decimal Delta, DateTimeOffset Time) : VenueEvent;

/// <summary>The stream is back after a loss: what happened meanwhile is reconciled over REST.</summary>
public sealed record VenueStreamRestored(int Reconnects, string Cause) : VenueEvent;

/// <summary>The stream was lost; a reconnect follows.</summary>
public sealed record VenueStreamLost(string Cause) : VenueEvent;

/// <summary>An event that could not be read; nothing from it is used.</summary>
public sealed record VenueStreamMalformed(string Reason) : VenueEvent;
