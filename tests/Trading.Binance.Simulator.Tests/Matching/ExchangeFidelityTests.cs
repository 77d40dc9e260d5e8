using System.Text.Json;
using Shouldly;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>Where the simulator used to differ from Binance in the trader's favour: limits, order types, answers and market data.</summary>
public sealed class ExchangeFidelityTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Get = HttpMethod.Get;

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    [Fact]
    public async Task PostOrder_PastTheOrderCountLimit_Answers1015With429RetryAfterAndCountHeaders()
    {
        await using var h = await TradingHarness.StartAsync(options: new SimulatorOptions { Trading = new SimulatorTradingOptions { OrdersPer10Seconds = 2 } });
        const string order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=30000";

        var answers = new List<(int Status, System.Net.Http.Headers.HttpResponseHeaders Headers, string Body)>();
        for (var i = 0; i < 3; i++) answers.Add(await h.SendSignedAsync(Post, "/api/v3/order", $"{order}&newClientOrderId=c{i}"));

        answers.Select(a => a.Status).ShouldBe([200, 200, 429]);
        answers.Select(a => a.Headers.GetValues("X-MBX-ORDER-COUNT-10S").Single()).ShouldBe(["1", "2", "3"]);
        answers[2].Headers.GetValues("X-MBX-ORDER-COUNT-1D").Single().ShouldBe("3");
        answers[2].Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Json(answers[2].Body).GetProperty("code").GetInt32().ShouldBe(-1015);
        answers[2].Body.ShouldContain("Too many new orders; current limit is 2 orders per 10 SECOND.");
        h.Exchange.Orders.Count.ShouldBe(2);
    }

    [Fact]
    public async Task PostOrder_Successful_CostsNoWeightButAFailedOneDoes()
    {
        await using var h = await TradingHarness.StartAsync();

        var placed = await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
        var refused = await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=1");

        placed.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single().ShouldBe("0");
        refused.Status.ShouldBe(400);
        refused.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single().ShouldBe("1");
    }

    [Fact]
    public async Task PostOrder_AckAndResult_AnswerWithoutFillsAndAckWithoutTheOrder()
    {
        await using var h = await TradingHarness.StartAsync();

        var ack = Json((await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newOrderRespType=ACK")).Body);
        var result = Json((await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newOrderRespType=RESULT")).Body);

        ack.EnumerateObject().Select(p => p.Name).ShouldBe(["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"]);
        result.GetProperty("status").GetString().ShouldBe("FILLED");
        result.TryGetProperty("fills", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task PostOrder_LimitMakerThatWouldTake_RejectedAndOneBelowTheBidRests()
    {
        await using var h = await TradingHarness.StartAsync();
        var ask = h.Exchange.Book(TestCandles.BtcUsdt, OrderSide.Buy)[0].Price;

        var taking = await h.SendSignedAsync(Post, "/api/v3/order", $"symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price={ask}");
        var resting = await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price=30000");

        Json(taking.Body).GetProperty("code").GetInt32().ShouldBe(-2010);
        taking.Body.ShouldContain("Order would immediately match and take.");
        Json(resting.Body).GetProperty("type").GetString().ShouldBe("LIMIT_MAKER");
        Json(resting.Body).GetProperty("status").GetString().ShouldBe("NEW");
    }

    [Fact]
    public async Task OrderTest_ValidatesWithoutPlacing()
    {
        await using var h = await TradingHarness.StartAsync();

        var ok = await h.SendSignedAsync(Post, "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
        var bad = await h.SendSignedAsync(Post, "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000015");

        ok.Body.ShouldBe("{}");
        Json(bad.Body).GetProperty("code").GetInt32().ShouldBe(-1013);
        h.Exchange.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task MyTradesAndAllOrders_Paging_FollowFromIdLimitAndTime()
    {
        await using var h = await TradingHarness.StartAsync();
        for (var i = 0; i < 4; i++) await h.SendSignedAsync(Post, "/api/v3/order", $"symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=t{i}");

        var latest = Json((await h.SendSignedAsync(Get, "/api/v3/myTrades", "symbol=BTCUSDT&limit=2")).Body);
        var fromSecond = Json((await h.SendSignedAsync(Get, "/api/v3/myTrades", "symbol=BTCUSDT&fromId=2&limit=2")).Body);
        var all = Json((await h.SendSignedAsync(Get, "/api/v3/allOrders", "symbol=BTCUSDT&orderId=3")).Body);

        latest.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ShouldBe([3L, 4L]);
        fromSecond.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ShouldBe([2L, 3L]);
        all.EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()).ShouldBe(["t2", "t3"]);
    }

    [Fact]
    public async Task Tickers_AndDepth_ReadTheReplayAndTheModelledBook()
    {
        await using var h = await TradingHarness.StartAsync();
        var asks = h.Exchange.Book(TestCandles.BtcUsdt, OrderSide.Buy);
        var bids = h.Exchange.Book(TestCandles.BtcUsdt, OrderSide.Sell);

        var price = Json(await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/api/v3/ticker/price?symbol=BTCUSDT"), TestContext.Current.CancellationToken));
        var book = Json(await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/api/v3/ticker/bookTicker?symbol=BTCUSDT"), TestContext.Current.CancellationToken));
        var day = Json(await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/api/v3/ticker/24hr?symbol=BTCUSDT"), TestContext.Current.CancellationToken));
        var depth = Json(await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/api/v3/depth?symbol=BTCUSDT&limit=5"), TestContext.Current.CancellationToken));

        decimal.Parse(price.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(h.HistoryClose);
        decimal.Parse(book.GetProperty("askPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(asks[0].Price);
        decimal.Parse(book.GetProperty("bidPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(bids[0].Price);
        bids[0].Price.ShouldBeLessThan(h.HistoryClose);
        asks[0].Price.ShouldBeGreaterThan(h.HistoryClose);
        decimal.Parse(day.GetProperty("lastPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(h.HistoryClose);
        depth.GetProperty("asks").GetArrayLength().ShouldBe(5);
        depth.GetProperty("bids").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Klines_IntervalNotLoaded_ResampledFromTheMinuteBars()
    {
        var candles = TestCandles.Generate(120);
        await using var h = await TradingHarness.StartAsync(candles);

        var rows = Json(await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/api/v3/klines?symbol=BTCUSDT&interval=1h"), TestContext.Current.CancellationToken));

        rows.GetArrayLength().ShouldBe(2);
        var first = rows[0];
        first[0].GetInt64().ShouldBe(candles[0].OpenTimeMs);
        decimal.Parse(first[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(candles[0].Open);
        decimal.Parse(first[2].GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(candles.Take(60).Max(c => c.High));
        decimal.Parse(first[4].GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(candles[59].Close);
    }
}
