using System.Net.WebSockets;

namespace Trading.Binance.Simulator;

/// <summary>
/// One client WebSocket on /ws (raw payloads) or /stream (payloads wrapped as {"stream":..,"data":..}) and the streams
/// it listens to, which SUBSCRIBE and UNSUBSCRIBE change while it is open.
/// </summary>
internal sealed class StreamSession(WebSocket socket, IEnumerable<string> streams, bool combined)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _streamsLock = new();
    private readonly List<string> _streams = [.. streams.Distinct(StringComparer.Ordinal)];

    public WebSocket Socket { get; } = socket;

    /// <summary>True on /stream: payloads are wrapped with their stream name. SET_PROPERTY ["combined", bool] changes it.</summary>
    public bool Combined { get; set; } = combined;

    /// <summary>With <see cref="SimulatorOptions.StreamAfterBackfill"/>, set once the client has asked for klines since connecting.</summary>
    public bool HasBackfilled { get; set; }

    /// <summary>The streams in the order they were subscribed, as LIST_SUBSCRIPTIONS answers.</summary>
    public IReadOnlyList<string> Streams
    {
        get { lock (_streamsLock) return [.. _streams]; }
    }

    public bool Listens(string stream)
    {
        lock (_streamsLock) return _streams.Contains(stream, StringComparer.Ordinal);
    }

    public void Subscribe(IEnumerable<string> streams)
    {
        lock (_streamsLock) _streams.AddRange(streams.Where(s => !_streams.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
    }

    public void Unsubscribe(IEnumerable<string> streams)
    {
        var removed = streams.ToHashSet(StringComparer.Ordinal);
        lock (_streamsLock) _streams.RemoveAll(removed.Contains);
    }

    public async Task<bool> TrySendAsync(byte[] frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            if (Socket.State != WebSocketState.Open) return false;
            await Socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Cuts the TCP connection without a close handshake, like a network drop.</summary>
    public void Drop() => Socket.Abort();
}
