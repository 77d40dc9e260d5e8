namespace Trading.Core.Model;

/// <summary>Corrupt market data: it is reported and never stored.</summary>
public sealed class InvalidCandleException(string message) : Exception(message);
