using System.Text.Json;
using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>
/// POST /api/v3/orderList/oto and /otoco: the pending orders wait as PENDING_NEW, holding nothing, until the working order
/// has filled; then they go on the book under their ids (an OTOCO's pair as an OCO).
/// </summary>
public sealed class TriggeredOrderListTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    /// <summary>A buy entry at 41,500 (the replay's first bar trades through it) protected by a sell OCO of 0.0099 BTC.</summary>
    private const string Otoco = "symbol=BTCUSDT&listClientOrderId=otoco1"
        + "&workingType=LIMIT&workingSide=BUY&workingQuantity=0.01&workingPrice=41500&workingTimeInForce=GTC&workingClientOrderId=entry"
        + "&pendingSide=SELL&pendingQuantity=0.0099"
        + "&pendingAboveType=LIMIT_MAKER&pendingAbovePrice=43100&pendingAboveClientOrderId=tp"
        + "&pendingBelowType=STOP_LOSS&pendingBelowStopPrice=40000&pendingBelowClientOrderId=sl";

    private const string Oto = "symbol=BTCUSDT&listClientOrderId=oto1"
        + "&workingType=LIMIT&workingSide=BUY&workingQuantity=0.01&workingPrice=41500&workingTimeInForce=GTC&workingClientOrderId=entry"
        + "&pendingType=LIMIT&pendingSide=SELL&pendingQuantity=0.0099&pendingPrice=43000&pendingTimeInForce=GTC&pendingClientOrderId=exit";

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private static Task<TradingHarness> StartAsync(List<Candle> candles) => TradingHarness.StartAsync(candles, replayFromMs: candles[5].OpenTimeMs);

    [Fact]
    public async Task Otoco_EntryFillsThenPriceRises_PendingOcoPlacedTakeProfitFillsStopExpires()
    {
        var candles = StopOrderTests.DownThenUp();
        await using var h = await StartAsync(candles);

        var placed = await h.SendSignedAsync(Post, "/api/v3/orderList/otoco", Otoco);
        var lockedBefore = (h.Exchange.Balance("USDT").Locked, h.Exchange.Balance("BTC").Locked);
        await StopOrderTests.ReplayThroughAsync(h, candles[6].OpenTimeMs);

        placed.Status.ShouldBe(200, placed.Body);
        var list = Json(placed.Body);
        list.GetProperty("contingencyType").GetString().ShouldBe("OTOCO");
        var reports = list.GetProperty("orderReports").EnumerateArray().ToList();
        reports.Select(r => (r.GetProperty("clientOrderId").GetString(), r.GetProperty("status").GetString()))
            .ShouldBe([("entry", "NEW"), ("sl", "PENDING_NEW"), ("tp", "PENDING_NEW")]);
        reports.Skip(1).ShouldAllBe(r => r.GetProperty("workingTime").GetInt64() == -1);
        lockedBefore.ShouldBe((415m, 0m), "only the working order holds funds");
        var ids = reports.ToDictionary(r => r.GetProperty("clientOrderId").GetString()!, r => r.GetProperty("orderId").GetInt64());
        var entry = h.Exchange.OrdersWithClientId("entry").Single();
        var tp = h.Exchange.OrdersWithClientId("tp").Single();
        var sl = h.Exchange.OrdersWithClientId("sl").Single();
        entry.Status.ShouldBe("FILLED");
        tp.Status.ShouldBe("FILLED");
        tp.OrderId.ShouldBe(ids["tp"]);
        tp.Trades.ShouldAllBe(t => t.Price == 43_100m && t.IsMaker);
        sl.Status.ShouldBe("EXPIRED");
        sl.OrderId.ShouldBe(ids["sl"]);
        h.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
        h.Exchange.Balance("BTC").ShouldBe(h.Exchange.Balance("BTC") with { Free = 0.00009m, Locked = 0m });
    }

    [Fact]
    public async Task Otoco_EntryFillsThenPriceFalls_StopLegTriggersAndSellsLimitLegExpires()
    {
        var candles = StopOrderTests.DownThenUp();
        await using var h = await StartAsync(candles);
        var stopAbovePath = Otoco.Replace("pendingBelowStopPrice=40000", "pendingBelowStopPrice=41000", StringComparison.Ordinal);

        (await h.SendSignedAsync(Post, "/api/v3/orderList/otoco", stopAbovePath)).Status.ShouldBe(200);
        await StopOrderTests.ReplayThroughAsync(h, candles[6].OpenTimeMs);

        var sl = h.Exchange.OrdersWithClientId("sl").Single();
        sl.Status.ShouldBe("FILLED");
        sl.Trades.Sum(t => t.Quantity).ShouldBe(0.0099m);
        sl.Trades.ShouldAllBe(t => t.Price < 41_000m && !t.IsMaker);
        h.Exchange.OrdersWithClientId("tp").Single().Status.ShouldBe("EXPIRED");
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task Oto_EntryFills_PendingLimitSellRestsThenFills()
    {
        var candles = StopOrderTests.DownThenUp();
        await using var h = await StartAsync(candles);

        var placed = await h.SendSignedAsync(Post, "/api/v3/orderList/oto", Oto);
        await StopOrderTests.ReplayThroughAsync(h, candles[6].OpenTimeMs);

        placed.Status.ShouldBe(200, placed.Body);
        Json(placed.Body).GetProperty("contingencyType").GetString().ShouldBe("OTO");
        var exit = h.Exchange.OrdersWithClientId("exit").Single();
        exit.Status.ShouldBe("FILLED");
        exit.Trades.ShouldAllBe(t => t.Price == 43_000m);
        h.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
    }

    [Fact]
    public async Task Oto_WorkingOrderCancelled_PendingOrderCancelledWithTheList()
    {
        await using var h = await StartAsync(StopOrderTests.DownThenUp());
        (await h.SendSignedAsync(Post, "/api/v3/orderList/oto", Oto)).Status.ShouldBe(200);

        var cancelled = await h.SendSignedAsync(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=entry");

        cancelled.Status.ShouldBe(200, cancelled.Body);
        h.Exchange.OrdersWithClientId("exit").Single().Status.ShouldBe("CANCELED");
        h.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Theory]
    [InlineData("pendingAbovePrice=43100", "pendingAbovePrice=41000", -2010)]
    [InlineData("workingType=LIMIT&", "workingType=MARKET&", -1116)]
    [InlineData("pendingBelowStopPrice=40000", "pendingBelowStopPrice=40000.001", -1013)]
    [InlineData("pendingAboveClientOrderId=tp", "pendingAboveClientOrderId=sl", -2010)]
    [InlineData("workingQuantity=0.01", "workingQuantity=5", -2010)]
    public async Task Otoco_BadOrders_RefusedAndPlacesNothing(string replace, string with, int code)
    {
        await using var h = await StartAsync(StopOrderTests.DownThenUp());

        var refused = await h.SendSignedAsync(Post, "/api/v3/orderList/otoco", Otoco.Replace(replace, with, StringComparison.Ordinal));

        Json(refused.Body).GetProperty("code").GetInt32().ShouldBe(code, refused.Body);
        h.Exchange.Orders.ShouldBeEmpty();
        h.Exchange.OrderLists.ShouldBeEmpty();
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }
}
