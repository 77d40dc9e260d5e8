using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Shouldly;
using Trading.Binance.Signing;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>A user-data subscription on the simulator's WebSocket API read frame by frame, independent of the client's parser.</summary>
internal sealed class RawUserDataSocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RawUserDataSocket> ConnectAsync(TradingHarness h)
    {
        var raw = new RawUserDataSocket();
        await raw._socket.ConnectAsync(h.Simulator.WebSocketApiUrl, Ct);
        return raw;
    }

    /// <summary>Sends userDataStream.subscribe.signature, signed with <paramref name="secret"/> (the test key's by default); the answer.</summary>
    public async Task<string> SubscribeAsync(string? secret = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, string> { ["apiKey"] = TradingHarness.TestCredentials.ApiKey, ["timestamp"] = timestamp };
        var signature = new BinanceSigner(secret ?? Trading.Binance.Simulator.Matching.SimulatorTradingOptions.TestApiSecret).SignWebSocket(parameters);
        var request = $$$"""{"id":"s1","method":"userDataStream.subscribe.signature","params":{"apiKey":"{{{parameters["apiKey"]}}}","timestamp":{{{timestamp}}},"signature":"{{{signature}}}"}}""";
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, Ct);
        var answer = await ReceiveAsync();
        if (secret is null) answer.ShouldBe("""{"id":"s1","status":200,"result":{"subscriptionId":0}}""");
        return answer;
    }

    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var result = await _socket.ReceiveAsync(buffer, timeout.Token);
        result.EndOfMessage.ShouldBeTrue();
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    /// <summary>The events (unwrapped) up to and including the first that <paramref name="last"/> accepts.</summary>
    public async Task<List<JsonElement>> EventsUntilAsync(Func<JsonElement, bool> last)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var e = JsonDocument.Parse(await ReceiveAsync()).RootElement.GetProperty("event");
            events.Add(e);
            if (last(e)) return events;
        }
    }

    public void Dispose() => _socket.Dispose();
}
