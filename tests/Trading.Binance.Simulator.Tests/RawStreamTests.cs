using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;
using Xunit;

namespace Trading.Binance.Simulator.Tests;

/// <summary>Raw streams on /ws: SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS and errors, and unwrapped kline and trade events.</summary>
public sealed class RawStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ws_Subscribe_AnswersThenStreamsRawKlinesAndTradesOfEachBar()
    {
        var candles = TestCandles.Generate(5);
        await using var sim = await SimulatorHarness.StartAsync(candles, replayFromMs: candles[3].OpenTimeMs);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.Simulator.WebSocketUrl, "/ws"), Ct);

        await SendAsync(socket, """{"method":"SUBSCRIBE","params":["btcusdt@kline_1m","btcusdt@trade"],"id":1}""");
        var answer = await ReceiveAsync(socket);
        var events = new List<JsonElement>();
        for (var i = 0; i < 12; i++) events.Add(await ReceiveAsync(socket));

        answer.GetRawText().ShouldBe("""{"result":null,"id":1}""");
        events.Select(e => e.GetProperty("e").GetString()).ShouldBe(
            ["kline", "kline", "trade", "trade", "trade", "trade", "kline", "kline", "trade", "trade", "trade", "trade"]);
        events.Count(e => e.TryGetProperty("stream", out _)).ShouldBe(0, "raw events are not wrapped");
        events.Where(e => e.GetProperty("e").GetString() == "trade").Select(e => e.GetProperty("t").GetInt64()).ShouldBe([12L, 13, 14, 15, 16, 17, 18, 19]);
        events[1].GetProperty("k").GetProperty("x").GetBoolean().ShouldBeTrue();
        events[1].GetProperty("k").GetProperty("t").GetInt64().ShouldBe(candles[3].OpenTimeMs);
    }

    [Fact]
    public async Task Ws_ListAndUnsubscribe_AnswerWithTheSubscriptions()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.Simulator.WebSocketUrl, "/ws/btcusdt@aggTrade"), Ct);

        await SendAsync(socket, """{"method":"SUBSCRIBE","params":["btcusdt@kline_1m"],"id":"a1"}""");
        var subscribed = await ReceiveAsync(socket);
        await SendAsync(socket, """{"method":"UNSUBSCRIBE","params":["btcusdt@aggTrade"],"id":2}""");
        var unsubscribed = await ReceiveAsync(socket);
        await SendAsync(socket, """{"method":"LIST_SUBSCRIPTIONS","id":3}""");
        var list = await ReceiveAsync(socket);

        subscribed.GetRawText().ShouldBe("""{"result":null,"id":"a1"}""");
        unsubscribed.GetRawText().ShouldBe("""{"result":null,"id":2}""");
        list.GetRawText().ShouldBe("""{"result":["btcusdt@kline_1m"],"id":3}""");
    }

    [Theory]
    [InlineData("not json", 3, "null")]
    [InlineData("""{"method":"SUBSCRIBED","params":[],"id":4}""", 2, "4")]
    [InlineData("""{"method":"SET_PROPERTY","params":["colour",true],"id":5}""", 0, "5")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined","yes"],"id":6}""", 1, "6")]
    public async Task Ws_BadControlMessage_ErrorWithBinanceCodeAndTheConnectionStays(string message, int code, string id)
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.Simulator.WebSocketUrl, "/ws"), Ct);

        await SendAsync(socket, message);
        var error = await ReceiveAsync(socket);
        await SendAsync(socket, """{"method":"GET_PROPERTY","params":["combined"],"id":7}""");
        var property = await ReceiveAsync(socket);

        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(code);
        error.GetProperty("id").GetRawText().ShouldBe(id);
        property.GetRawText().ShouldBe("""{"result":false,"id":7}""");
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Ct);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), Ct);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }
}
