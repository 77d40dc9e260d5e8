namespace Trading.Binance.Errors;

/// <summary>Retries of a transient failure (5xx, timeout, 429, network) ran out of time or attempts.</summary>
public sealed class BinanceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
