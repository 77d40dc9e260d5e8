namespace Trading.Core.Execution;

/// <summary>
/// An exchange account's events as domain events (order reports, balance changes, connection changes), e.g. Binance's
/// user data stream translated by its adapter.
/// </summary>
public interface IVenueEventStream : IAsyncDisposable
{
    /// <summary>Connects and subscribes; events before this are lost.</summary>
    Task StartAsync(CancellationToken ct);

    /// <summary>The events in arrival order until the stream is disposed or <paramref name="ct"/> is cancelled.</summary>
    IAsyncEnumerable<VenueEvent> ReadAllAsync(CancellationToken ct);
}
