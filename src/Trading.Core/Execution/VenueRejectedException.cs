namespace Trading.Core.Execution;

/// <summary>The venue refused a request with a reason (e.g. cancelling an order that already filled).</summary>
public sealed class VenueRejectedException(string message, Exception? inner = null) : Exception(message, inner);
