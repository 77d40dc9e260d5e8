using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Trading.Core.Model;

namespace Trading.Binance.Streams;

/// <summary>
/// One connection to the combined kline stream. A receive loop runs from the moment of connecting, so the socket
/// always has a receive pending: that is when ClientWebSocket answers the server's pings with pongs, even while the
/// caller is busy (e.g. backfilling over REST). Decoded frames queue up until <see cref="ReceiveAsync"/> takes them.
/// </summary>
public sealed class BinanceKlineStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<StreamMessage> _frames = Channel.CreateUnbounded<StreamMessage>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private Exception? _failure;

    private BinanceKlineStream(ClientWebSocket socket)
    {
        _socket = socket;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

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

    /// <summary>The next decoded frame, or null once the server has closed the connection; throws if it dropped.</summary>
    public async Task<StreamMessage?> ReceiveAsync(CancellationToken ct)
    {
        try
        {
            return await _frames.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
            return null;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(8192), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                buffer.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                _frames.Writer.TryWrite(KlineStreamParser.Parse(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _failure = ex;
        }
        _frames.Writer.TryComplete();
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
        await _stop.CancelAsync();
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
    }
}
