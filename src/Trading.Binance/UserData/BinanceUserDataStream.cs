using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Trading.Binance.Orders;
using Trading.Binance.Signing;

namespace Trading.Binance.UserData;

/// <inheritdoc cref="IBinanceUserDataStream"/>
public sealed class BinanceUserDataStream(BinanceCredentials credentials, UserDataStreamOptions options, BinanceServerClock? clock = null)
    : IBinanceUserDataStream
{
    private readonly Channel<UserDataUpdate> _updates = Channel.CreateUnbounded<UserDataUpdate>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource _firstSubscription = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly BinanceServerClock _clock = clock ?? new BinanceServerClock();
    private Task? _run;
    private volatile bool _subscribed;
    private int _requestId;

    public ChannelReader<UserDataUpdate> Updates => _updates.Reader;

    public bool IsSubscribed => _subscribed;

    /// <summary>How many times the stream has been re-established after a loss.</summary>
    public int Reconnects { get; private set; }

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_run is not null) throw new InvalidOperationException("The user data stream is already started.");
        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        await _firstSubscription.Task.WaitAsync(ct);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            string cause;
            try
            {
                cause = await ConnectAndReadAsync(stop);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (BinanceTradingException rejected) when (rejected.Kind is BinanceErrorKind.InvalidSignature or BinanceErrorKind.InvalidApiKey)
            {
                _firstSubscription.TrySetException(rejected);
                _updates.Writer.TryComplete(rejected);
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or BinanceTradingException or IOException or TimeoutException)
            {
                cause = ex.Message;
                failures++;
            }
            _subscribed = false;
            _updates.Writer.TryWrite(new UserDataDisconnected(_clock.NowMs, cause));
            var delay = TimeSpan.FromTicks(Math.Min(options.ReconnectMaxDelay.Ticks, options.ReconnectBaseDelay.Ticks << Math.Min(failures, 20)));
            try
            {
                await Task.Delay(delay * (0.5 + Random.Shared.NextDouble() / 2), _clock.Time, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        _updates.Writer.TryComplete();
    }

    /// <summary>One connection: subscribe, then pass events on until it ends; returns why it ended.</summary>
    private async Task<string> ConnectAndReadAsync(CancellationToken stop)
    {
        using var socket = new ClientWebSocket();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            timeout.CancelAfter(options.SubscribeTimeout);
            await socket.ConnectAsync(options.WebSocketApiUrl, timeout.Token);
            var id = $"sub-{Interlocked.Increment(ref _requestId)}";
            await socket.SendAsync(SubscribeRequest(id), WebSocketMessageType.Text, true, timeout.Token);
            while (true)
            {
                var frame = await ReceiveAsync(socket, buffer, timeout.Token)
                    ?? throw new WebSocketException("The WebSocket API closed the connection before answering the subscription.");
                if (frame is ApiAnswer answer && answer.Id == id)
                {
                    if (answer.Status != 200)
                        throw new BinanceTradingException(answer.Status, answer.ErrorCode, answer.ErrorMessage ?? "(no message)", "userDataStream.subscribe.signature");
                    break;
                }
                if (frame is StreamEvent early) _updates.Writer.TryWrite(early.Update);
            }
        }
        _subscribed = true;
        if (!_firstSubscription.TrySetResult())
            _updates.Writer.TryWrite(new UserDataReconnected(_clock.NowMs, ++Reconnects, "resubscribed after a lost stream"));
        while (true)
        {
            var frame = await ReceiveAsync(socket, buffer, stop);
            switch (frame)
            {
                case null: return "the WebSocket API closed the connection";
                case StreamTerminated: return "eventStreamTerminated";
                case StreamEvent e: _updates.Writer.TryWrite(e.Update); break;
            }
        }
    }

    private async Task<UserDataFrame?> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            if (result.EndOfMessage) return UserDataFrameParser.Parse(buffer.WrittenSpan, _clock.NowMs);
        }
    }

    private byte[] SubscribeRequest(string id)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("apiKey", credentials.ApiKey),
            new("recvWindow", options.RecvWindowMs.ToString(CultureInfo.InvariantCulture)),
            new("timestamp", _clock.NowMs.ToString(CultureInfo.InvariantCulture)),
        };
        var signature = credentials.Signer.Sign(BinanceSigner.WebSocketPayload(parameters));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("method", "userDataStream.subscribe.signature");
            w.WriteStartObject("params");
            w.WriteString("apiKey", credentials.ApiKey);
            w.WriteNumber("recvWindow", options.RecvWindowMs);
            w.WriteNumber("timestamp", long.Parse(parameters[2].Value, CultureInfo.InvariantCulture));
            w.WriteString("signature", signature);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null) await _run;
        _stop.Dispose();
        _updates.Writer.TryComplete();
    }
}
