namespace Trading.Core.MarketData;

/// <summary>
/// Whether live market data is flowing and complete. False from start-up until the stream is connected and the gap
/// is backfilled, and again from any drop until the next reconnect; the executor blocks new orders while it is false.
/// </summary>
public interface IMarketConnectionHealth
{
    bool IsConnected { get; }

    /// <summary>Why the connection is down (null while connected).</summary>
    string? Reason { get; }

    DateTimeOffset ChangedAt { get; }

    /// <summary>Raised with the new value each time <see cref="IsConnected"/> changes.</summary>
    event EventHandler<bool>? Changed;
}
