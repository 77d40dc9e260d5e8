namespace Trading.Core.Execution;

/// <summary>A fill larger than the order's remaining quantity, or one that does not belong to the order.</summary>
public sealed class OverfillException(string message) : Exception(message);
