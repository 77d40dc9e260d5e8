using System.Text.Json;
using Shouldly;
using Trading.Binance.Streams;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>STOP_LOSS(_LIMIT) and TAKE_PROFIT(_LIMIT): they wait, locked, until the replayed price reaches the stop, then work.</summary>
public sealed class StopOrderTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Get = HttpMethod.Get;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Five history bars (last close near 42,000), then a bar that falls to 40,500 and one that rises to 43,500.</summary>
    internal static List<Candle> DownThenUp()
    {
        var history = TestCandles.Generate(5);
        var start = TestCandles.Start + 5 * 60_000L;
        return
        [
            .. history,
            new Candle(TestCandles.BtcUsdt, Timeframe.M1, start, 41_990m, 42_000m, 40_500m, 40_600m, 50m),
            new Candle(TestCandles.BtcUsdt, Timeframe.M1, start + 60_000L, 40_600m, 43_500m, 40_550m, 43_400m, 50m),
            new Candle(TestCandles.BtcUsdt, Timeframe.M1, start + 120_000L, 43_400m, 43_450m, 43_350m, 43_400m, 50m),
        ];
    }

    internal static async Task ReplayThroughAsync(TradingHarness h, long lastClosedOpenMs)
    {
        await using var klines = await BinanceKlineStream.ConnectAsync(h.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct);
        while (await klines.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != lastClosedOpenMs) { }
    }

    internal static async Task<TradingHarness> HoldingBtcAsync(List<Candle> candles)
    {
        var h = await TradingHarness.StartAsync(candles, replayFromMs: candles[5].OpenTimeMs);
        (await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01")).Status.ShouldBe(200);
        return h;
    }

    [Fact]
    public async Task StopLoss_PriceFallsThroughStop_WaitsLockedThenTriggersAndFillsAsMarket()
    {
        var candles = DownThenUp();
        await using var h = await HoldingBtcAsync(candles);
        using var socket = await RawUserDataSocket.ConnectAsync(h);
        await socket.SubscribeAsync();

        var placed = await h.SendSignedAsync(Post, "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.009&stopPrice=41000&newClientOrderId=sl1");
        var waiting = JsonDocument.Parse((await h.SendSignedAsync(Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=sl1")).Body).RootElement;
        var lockedWhileWaiting = h.Exchange.Balance("BTC").Locked;
        await ReplayThroughAsync(h, candles[5].OpenTimeMs);
        var events = await socket.EventsUntilAsync(e => e.GetProperty("e").GetString() == "executionReport" && e.GetProperty("X").GetString() == "FILLED");

        placed.Status.ShouldBe(200, placed.Body);
        JsonDocument.Parse(placed.Body).RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"]);
        waiting.GetProperty("status").GetString().ShouldBe("NEW");
        waiting.GetProperty("type").GetString().ShouldBe("STOP_LOSS");
        waiting.GetProperty("stopPrice").GetString().ShouldBe("41000.00000000");
        waiting.GetProperty("isWorking").GetBoolean().ShouldBeFalse();
        waiting.GetProperty("workingTime").GetInt64().ShouldBe(-1);
        lockedWhileWaiting.ShouldBe(0.009m);
        var reports = events.Where(e => e.GetProperty("e").GetString() == "executionReport").ToList();
        reports.Select(e => (e.GetProperty("x").GetString(), e.GetProperty("w").GetBoolean())).ShouldBe([("NEW", false), ("NEW", true), ("TRADE", false)]);
        reports.ShouldAllBe(e => e.GetProperty("o").GetString() == "STOP_LOSS" && e.GetProperty("P").GetString() == "41000.00000000");
        var fill = h.Exchange.OrdersWithClientId("sl1").Single();
        fill.Status.ShouldBe("FILLED");
        fill.Trades.ShouldAllBe(t => t.Price <= 41_000m && t.Price > 40_900m && !t.IsMaker);
        h.Exchange.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Theory]
    [InlineData("SELL", "STOP_LOSS", "43000")]
    [InlineData("SELL", "TAKE_PROFIT", "41000")]
    [InlineData("BUY", "STOP_LOSS", "41000")]
    [InlineData("BUY", "TAKE_PROFIT", "43000")]
    public async Task StopOrder_StopOnTheWrongSideOfTheLastPrice_RefusedAsWouldTriggerImmediately(string side, string type, string stop)
    {
        var candles = DownThenUp();
        await using var h = await HoldingBtcAsync(candles);

        var refused = await h.SendSignedAsync(Post, "/api/v3/order", $"symbol=BTCUSDT&side={side}&type={type}&quantity=0.001&stopPrice={stop}");

        refused.Status.ShouldBe(400);
        refused.Body.ShouldBe("""{"code":-2010,"msg":"Order would trigger immediately."}""");
        h.Exchange.Orders.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("type=STOP_LOSS_LIMIT&quantity=0.001&stopPrice=41000&timeInForce=GTC", -1102)]
    [InlineData("type=STOP_LOSS_LIMIT&quantity=0.001&price=40900&timeInForce=GTC", -1102)]
    [InlineData("type=STOP_LOSS&quantity=0.001&stopPrice=41000&price=40900", -1106)]
    [InlineData("type=TAKE_PROFIT_LIMIT&quantity=0.001&stopPrice=43000&price=43000.005&timeInForce=GTC", -1013)]
    public async Task StopOrder_MissingOrExtraOrOffTickParameters_Refused(string parameters, int code)
    {
        await using var h = await HoldingBtcAsync(DownThenUp());

        var refused = await h.SendSignedAsync(Post, "/api/v3/order", $"symbol=BTCUSDT&side=SELL&{parameters}");

        JsonDocument.Parse(refused.Body).RootElement.GetProperty("code").GetInt32().ShouldBe(code, refused.Body);
    }

    [Fact]
    public async Task TakeProfitLimit_PriceRisesToStop_BecomesALimitThatFillsAsMaker()
    {
        var candles = DownThenUp();
        await using var h = await HoldingBtcAsync(candles);
        using var socket = await RawUserDataSocket.ConnectAsync(h);
        await socket.SubscribeAsync();

        var placed = await h.SendSignedAsync(Post, "/api/v3/order",
            "symbol=BTCUSDT&side=SELL&type=TAKE_PROFIT_LIMIT&quantity=0.009&stopPrice=43000&price=43100&timeInForce=GTC&newClientOrderId=tp1&newOrderRespType=RESULT");
        await ReplayThroughAsync(h, candles[6].OpenTimeMs);
        await socket.EventsUntilAsync(e => e.GetProperty("e").GetString() == "executionReport" && e.GetProperty("X").GetString() == "FILLED");

        JsonDocument.Parse(placed.Body).RootElement.GetProperty("workingTime").GetInt64().ShouldBe(-1);
        var order = h.Exchange.OrdersWithClientId("tp1").Single();
        order.Status.ShouldBe("FILLED");
        order.TypeName.ShouldBe("TAKE_PROFIT_LIMIT");
        order.Trades.ShouldAllBe(t => t.Price == 43_100m && t.IsMaker);
        order.WorkingTimeMs.ShouldBeGreaterThan(0);
    }
}
