namespace Trading.Core.Execution;

/// <summary>The venue may or may not have the order (a timeout, a 5xx, Binance -1000/-1006/-1007): query it, never resend it.</summary>
public sealed class VenueOutcomeUnknownException(string message, Exception? inner = null) : Exception(message, inner);
