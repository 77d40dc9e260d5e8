namespace Trading.Binance.Errors;

/// <summary>A Binance payload could not be parsed or holds impossible values; nothing from it is used.</summary>
public sealed class BinanceMalformedResponseException(string message, Exception? inner = null) : Exception(message, inner);
