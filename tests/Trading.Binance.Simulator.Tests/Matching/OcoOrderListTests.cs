using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>POST /api/v3/orderList/oco and its companions: one leg triggering or filling expires the other and ends the list.</summary>
public sealed class OcoOrderListTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private const string SellOco = "symbol=BTCUSDT&side=SELL&quantity=0.009&listClientOrderId=oco1"
        + "&aboveType=LIMIT_MAKER&abovePrice=43100&aboveClientOrderId=oco1-tp&belowType=STOP_LOSS&belowStopPrice=41000&belowClientOrderId=oco1-sl";

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    [Fact]
    public async Task Oco_PriceFallsThroughStop_StopLegFillsLimitLegExpiresListAllDone()
    {
        var candles = StopOrderTests.DownThenUp();
        await using var h = await StopOrderTests.HoldingBtcAsync(candles);
        using var socket = await RawUserDataSocket.ConnectAsync(h);
        await socket.SubscribeAsync();

        var placed = await h.SendSignedAsync(Post, "/api/v3/orderList/oco", SellOco);
        var open = Json((await h.SendSignedAsync(Get, "/api/v3/openOrderList", "")).Body);
        var lockedWhileOpen = h.Exchange.Balance("BTC").Locked;
        await StopOrderTests.ReplayThroughAsync(h, candles[5].OpenTimeMs);
        var events = await socket.EventsUntilAsync(e => e.GetProperty("e").GetString() == "executionReport" && e.GetProperty("X").GetString() == "FILLED");

        placed.Status.ShouldBe(200, placed.Body);
        var list = Json(placed.Body);
        list.GetProperty("contingencyType").GetString().ShouldBe("OCO");
        list.GetProperty("listOrderStatus").GetString().ShouldBe("EXECUTING");
        list.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()).ShouldBe(["oco1-sl", "oco1-tp"]);
        list.GetProperty("orderReports").EnumerateArray().Select(o => o.GetProperty("type").GetString()).ShouldBe(["STOP_LOSS", "LIMIT_MAKER"]);
        open.GetArrayLength().ShouldBe(1);
        lockedWhileOpen.ShouldBe(0.009m);
        var reports = events.Where(e => e.GetProperty("e").GetString() == "executionReport").ToList();
        reports.ShouldAllBe(e => e.GetProperty("g").GetInt64() == list.GetProperty("orderListId").GetInt64());
        events.Where(e => e.GetProperty("e").GetString() == "listStatus").Select(e => e.GetProperty("L").GetString()).ShouldBe(["EXECUTING", "ALL_DONE"]);
        reports.Select(e => (e.GetProperty("c").GetString(), e.GetProperty("X").GetString()))
            .ShouldBe([("oco1-sl", "NEW"), ("oco1-tp", "NEW"), ("oco1-tp", "EXPIRED"), ("oco1-sl", "NEW"), ("oco1-sl", "FILLED")]);
        h.Exchange.OrdersWithClientId("oco1-tp").Single().Status.ShouldBe("EXPIRED");
        Json((await h.SendSignedAsync(Get, "/api/v3/openOrderList", "")).Body).GetArrayLength().ShouldBe(0);
        Json((await h.SendSignedAsync(Get, "/api/v3/orderList", "origClientOrderId=oco1")).Body).GetProperty("listStatusType").GetString().ShouldBe("ALL_DONE");
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task Oco_PriceRisesToLimit_LimitLegFillsAsMakerStopLegExpires()
    {
        var candles = StopOrderTests.DownThenUp();
        await using var h = await StopOrderTests.HoldingBtcAsync(candles);
        var below = SellOco.Replace("belowStopPrice=41000", "belowStopPrice=40000", StringComparison.Ordinal);

        (await h.SendSignedAsync(Post, "/api/v3/orderList/oco", below)).Status.ShouldBe(200);
        await StopOrderTests.ReplayThroughAsync(h, candles[6].OpenTimeMs);

        var limit = h.Exchange.OrdersWithClientId("oco1-tp").Single();
        limit.Status.ShouldBe("FILLED");
        limit.Trades.ShouldAllBe(t => t.Price == 43_100m && t.IsMaker);
        h.Exchange.OrdersWithClientId("oco1-sl").Single().Status.ShouldBe("EXPIRED");
        h.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Theory]
    [InlineData("abovePrice=43100", "abovePrice=41500", -2010)]
    [InlineData("belowStopPrice=41000", "belowStopPrice=42500", -2010)]
    [InlineData("aboveType=LIMIT_MAKER&abovePrice=43100", "aboveType=STOP_LOSS&aboveStopPrice=43100", -1197)]
    [InlineData("belowType=STOP_LOSS&belowStopPrice=41000", "belowType=LIMIT_MAKER&belowPrice=41000", -1158)]
    [InlineData("quantity=0.009", "quantity=5", -2010)]
    [InlineData("abovePrice=43100", "abovePrice=43100.001", -1013)]
    [InlineData("belowStopPrice=41000", "belowStopPrice=41000.001", -1013)]
    [InlineData("aboveClientOrderId=oco1-tp", "aboveClientOrderId=oco1-sl", -2010)]
    [InlineData("aboveClientOrderId=oco1-tp", "aboveClientOrderId=oco1+tp", -1100)]
    public async Task Oco_BadLegs_RefusedAndPlacesNothing(string replace, string with, int code)
    {
        await using var h = await StopOrderTests.HoldingBtcAsync(StopOrderTests.DownThenUp());

        var refused = await h.SendSignedAsync(Post, "/api/v3/orderList/oco", SellOco.Replace(replace, with, StringComparison.Ordinal));

        Json(refused.Body).GetProperty("code").GetInt32().ShouldBe(code, refused.Body);
        h.Exchange.Orders.Count.ShouldBe(1);
        h.Exchange.OrderLists.ShouldBeEmpty();
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task DeleteOrderList_OpenOco_CancelsBothLegsAndUnlocks()
    {
        await using var h = await StopOrderTests.HoldingBtcAsync(StopOrderTests.DownThenUp());
        (await h.SendSignedAsync(Post, "/api/v3/orderList/oco", SellOco)).Status.ShouldBe(200);

        var cancelled = await h.SendSignedAsync(Delete, "/api/v3/orderList", "symbol=BTCUSDT&listClientOrderId=oco1");
        var again = await h.SendSignedAsync(Delete, "/api/v3/orderList", "symbol=BTCUSDT&listClientOrderId=oco1");

        cancelled.Status.ShouldBe(200, cancelled.Body);
        Json(cancelled.Body).GetProperty("listOrderStatus").GetString().ShouldBe("ALL_DONE");
        Json(cancelled.Body).GetProperty("orderReports").EnumerateArray().ShouldAllBe(o => o.GetProperty("status").GetString() == "CANCELED");
        Json(again.Body).GetProperty("code").GetInt32().ShouldBe(-2011);
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
        h.Exchange.Balance("BTC").Free.ShouldBe(0.00999m);
    }

    [Fact]
    public async Task DeleteOrder_OneLegOfAnOco_CancelsTheWholeList()
    {
        await using var h = await StopOrderTests.HoldingBtcAsync(StopOrderTests.DownThenUp());
        (await h.SendSignedAsync(Post, "/api/v3/orderList/oco", SellOco)).Status.ShouldBe(200);

        var cancelled = await h.SendSignedAsync(Delete, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=oco1-tp");

        cancelled.Status.ShouldBe(200, cancelled.Body);
        h.Exchange.OrdersWithClientId("oco1-sl").Single().Status.ShouldBe("CANCELED");
        h.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }
}
