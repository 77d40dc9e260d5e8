using System.Buffers;
using System.Net.WebSockets;
using Trading.Core.Model;

namespace Trading.Binance.Streams;

/// <summary>
/// One connection to the combined kline stream. ClientWebSocket answers the server's ping frames with pongs by itself
/// while a receive is pending, which is always the case while <see cref="ReceiveAsync"/> is being awaited.
/// </summary>
public sealed class BinanceKlineStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    private BinanceKlineStream(ClientWebSocket socket) => _socket = socket;

    public static async Task<BinanceKlineStream> ConnectAsync(
        Uri webSocketBase, IReadOnlyList<(Symbol Symbol, Timeframe Timeframe)> series, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(KlineStreamNames.CombinedUri(webSocketBase, series), ct);
            return new BinanceKlineStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next decoded frame, or null once the server has closed the connection.</summary>
    public async Task<StreamMessage?> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(8192), ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            _buffer.Advance(result.Count);
            if (result.EndOfMessage) return KlineStreamParser.Parse(_buffer.WrittenSpan);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The connection is going away either way.
        }
        _socket.Dispose();
    }
}
