using System.Net.WebSockets;

namespace Trading.Binance.Simulator;

/// <summary>One client WebSocket on /stream and the stream names it asked for.</summary>
internal sealed class StreamSession(WebSocket socket, IReadOnlySet<string> streams)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public IReadOnlySet<string> Streams { get; } = streams;

    public WebSocket Socket { get; } = socket;

    /// <summary>With <see cref="SimulatorOptions.StreamAfterBackfill"/>, set once the client has asked for klines since connecting.</summary>
    public bool HasBackfilled { get; set; }

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
