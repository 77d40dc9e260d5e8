using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Shouldly;
using Trading.Binance.Signing;
using Trading.TestInfrastructure.Binance;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>
/// The simulator's trading answers and user-data events have the field names, order and JSON types of Binance's examples.
/// Requests are signed by hand here, independent of the trading client.
/// </summary>
public sealed class SimulatorTradingShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderEndpoints_Answers_MatchExampleShapes()
    {
        await using var h = await TradingHarness.StartAsync();

        var full = await SendAsync(h, HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=m1");
        var resting = await SendAsync(h, HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000&newClientOrderId=l1");
        var query = await SendAsync(h, HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=l1");
        var open = await SendAsync(h, HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT");
        var cancel = await SendAsync(h, HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=l1");
        await SendAsync(h, HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000&newClientOrderId=l2");
        var cancelAll = await SendAsync(h, HttpMethod.Delete, "/api/v3/openOrders", "symbol=BTCUSDT");
        var account = await SendAsync(h, HttpMethod.Get, "/api/v3/account", "");

        // examples/order-response-full.json holds a ticker by mistake; the FULL shape is RESULT plus fills (rest-api.md).
        var fullShape = JsonShape.Of(JsonShape.Example("order-response-result.json"))[..^1]
            + ",fills:[{price:String,qty:String,commission:String,commissionAsset:String,tradeId:Number}]}";
        JsonShape.Of(full).ShouldBe(fullShape);
        JsonShape.Of(resting).ShouldBe(fullShape.Replace("fills:[{price:String,qty:String,commission:String,commissionAsset:String,tradeId:Number}]", "fills:[]", StringComparison.Ordinal));
        JsonShape.Of(query).ShouldBe(JsonShape.Of(JsonShape.Example("query-order-response.json")));
        JsonShape.Of(open).ShouldBe(JsonShape.Of(JsonShape.Example("open-orders-response.json")));
        JsonShape.Of(cancel).ShouldBe(JsonShape.Of(JsonShape.Example("cancel-order-response.json")));
        JsonShape.Of(cancelAll).ShouldBe(JsonShape.Of(JsonShape.Example("cancel-open-orders-response.json")));
        JsonShape.Of(account).ShouldBe(JsonShape.Of(JsonShape.Example("account-response.json")));
    }

    [Fact]
    public async Task UserDataEvents_Frames_MatchExampleShapes()
    {
        await using var h = await TradingHarness.StartAsync();
        using var socket = await RawUserDataSocket.ConnectAsync(h);
        await socket.SubscribeAsync();

        await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Buy, 0.01m, "ws-shape"), Ct);
        await h.Exchange.DepositAsync("BTC", 1m, Ct);
        var frames = new List<string>();
        for (var i = 0; i < 5; i++) frames.Add(await socket.ReceiveAsync());

        JsonShape.Of(frames[0]).ShouldBe(JsonShape.Of(JsonShape.Example("execution-report.json")));
        JsonShape.Of(frames[1]).ShouldBe(JsonShape.Of(JsonShape.Example("execution-report.json")).Replace("N:Null", "N:String", StringComparison.Ordinal));
        JsonShape.Of(frames[2]).ShouldBe(JsonShape.Of(JsonShape.Example("outbound-account-position.json")));
        JsonShape.Of(frames[3]).ShouldBe(JsonShape.Of(JsonShape.Example("balance-update.json")));
        JsonDocument.Parse(frames[1]).RootElement.GetProperty("event").GetProperty("x").GetString().ShouldBe("TRADE");
    }

    [Fact]
    public async Task WebSocketApi_SubscribeWithWrongSignature_AnswersStatus400WithCode1022()
    {
        await using var h = await TradingHarness.StartAsync();
        using var socket = await RawUserDataSocket.ConnectAsync(h);

        var answer = await socket.SubscribeAsync(secret: "wrong");

        answer.ShouldBe("""{"id":"s1","status":400,"error":{"code":-1022,"msg":"Signature for this request is not valid."}}""");
        h.Exchange.UserDataSubscriptions.ShouldBe(0);
    }

    private static async Task<string> SendAsync(TradingHarness h, HttpMethod method, string path, string parameters)
    {
        var (status, _, body) = await h.SendSignedAsync(method, path, parameters);
        status.ShouldBe(200, body);
        return body;
    }
}
