namespace Trading.Core.Portfolio;

/// <summary>A fill or mark the spot account cannot accept (oversell, overspend, non-positive price); nothing changed.</summary>
public sealed class PortfolioException(string message) : Exception(message);
