using Shouldly;
using Trading.Binance.Filters;
using Trading.Binance.Orders;
using Trading.Binance.Streams;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.TestInfrastructure.Binance.TradingHarness;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Orders;

/// <summary>The trading client against the simulator's order endpoints on loopback.</summary>
public sealed class BinanceTradingClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceOrderAsync_MarketBuy_WalksTheModelledAsksAndPaysCommissionInTheBaseAsset()
    {
        await using var h = await StartAsync();
        var bestAsk = h.Exchange.Book(TestCandles.BtcUsdt, OrderSide.Buy)[0];

        var placement = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.001m, "sig-1-buy"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        var order = placement.Order!;
        order.Status.ShouldBe(OrderStatus.Filled);
        order.ClientOrderId.ShouldBe("sig-1-buy");
        order.ExecutedQuantity.ShouldBe(0.001m);
        bestAsk.Price.ShouldBeGreaterThan(h.HistoryClose, "the buy pays half the spread");
        var fill = order.Fills.ShouldHaveSingleItem();
        fill.Price.ShouldBe(bestAsk.Price);
        fill.Commission.ShouldBe(0.000001m);
        fill.CommissionAsset.ShouldBe("BTC");
        order.CumulativeQuoteQuantity.ShouldBe(bestAsk.Price * 0.001m);

        var account = await h.Client.GetAccountAsync(Ct);
        account.Balance("BTC").Free.ShouldBe(0.000999m);
        account.Balance("USDT").Free.ShouldBe(10_000m - order.CumulativeQuoteQuantity);
        account.TakerCommissionRate.ShouldBe(0.001m);
    }

    [Fact]
    public async Task PlaceOrderAsync_SellTheBoughtQuantity_InsufficientBalanceUntilTheFreeBalanceIsStepRounded()
    {
        await using var h = await StartAsync();
        await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.001m, "buy"), Ct);

        var whole = await h.Client.PlaceOrderAsync(Market(OrderSide.Sell, 0.001m, "sell-whole"), Ct);
        var free = (await h.Client.GetAccountAsync(Ct)).Balance("BTC").Free;
        var rounded = OfflineSymbols.BtcUsdt.Filters.RoundQuantity(free);
        var sold = await h.Client.PlaceOrderAsync(Market(OrderSide.Sell, rounded, "sell-free"), Ct);

        whole.Rejection!.Kind.ShouldBe(BinanceErrorKind.InsufficientBalance);
        rounded.ShouldBe(0.00099m);
        sold.Order!.Status.ShouldBe(OrderStatus.Filled);
        sold.Order.Fills.ShouldAllBe(f => f.CommissionAsset == "USDT");
        var account = await h.Client.GetAccountAsync(Ct);
        account.Balance("BTC").Free.ShouldBe(0.000999m - 0.00099m, "the dust below the step stays");
    }

    [Fact]
    public async Task PlaceOrderAsync_MarketBuyLargerThanTheFirstLevel_WalksSeveralLevelsAtRisingPrices()
    {
        var thinBook = new Simulator.Matching.SimulatorTradingOptions { BookShareOfBarVolume = 0.001m };
        await using var h = await StartAsync(options: new Simulator.SimulatorOptions { Trading = thinBook });
        var asks = h.Exchange.Book(TestCandles.BtcUsdt, OrderSide.Buy);
        var second = OfflineSymbols.BtcUsdt.Filters.RoundQuantity(asks[1].Quantity / 2);

        var placement = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, asks[0].Quantity + second, "walk"), Ct);

        var fills = placement.Order.ShouldNotBeNull(placement.Reason).Fills;
        fills.Select(f => (f.Price, f.Quantity)).ShouldBe([(asks[0].Price, asks[0].Quantity), (asks[1].Price, second)]);
        placement.Order.AveragePrice.ShouldBeGreaterThan(asks[0].Price);
    }

    [Fact]
    public async Task PlaceOrderAsync_MarketBuyByQuoteAmount_SpendsAtMostTheAmountInWholeSteps()
    {
        await using var h = await StartAsync();

        var placement = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0m, "by-cost") with { QuoteOrderQty = 100m }, Ct);

        var order = placement.Order!;
        order.Status.ShouldBe(OrderStatus.Filled);
        order.CumulativeQuoteQuantity.ShouldBeLessThanOrEqualTo(100m);
        order.CumulativeQuoteQuantity.ShouldBeGreaterThan(100m - order.Fills[^1].Price * 0.00001m);
        OfflineSymbols.BtcUsdt.Filters.IsOnStep(order.ExecutedQuantity).ShouldBeTrue();
    }

    [Fact]
    public async Task PlaceOrderAsync_LimitBelowPrice_RestsLocksQuoteAndCanBeQueriedListedAndCancelled()
    {
        await using var h = await StartAsync();
        var price = Math.Round(h.HistoryClose * 0.9m, 2);

        var placement = await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, price, "sig-2"), Ct);
        var byClientId = await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, "sig-2", Ct);
        var byOrderId = await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, placement.Order!.OrderId, Ct);
        var open = await h.Client.GetOpenOrdersAsync(ct: Ct);
        var locked = (await h.Client.GetAccountAsync(Ct)).Balance("USDT");
        var cancelled = await h.Client.CancelOrderAsync(TestCandles.BtcUsdt, "sig-2", Ct);
        var after = (await h.Client.GetAccountAsync(Ct)).Balance("USDT");

        placement.Order.Status.ShouldBe(OrderStatus.New);
        placement.Order.Fills.ShouldBeEmpty();
        byClientId!.Price.ShouldBe(price);
        byOrderId!.ClientOrderId.ShouldBe("sig-2");
        open.ShouldHaveSingleItem().OrderId.ShouldBe(placement.Order.OrderId);
        locked.Locked.ShouldBe(price * 0.01m);
        cancelled.Status.ShouldBe(OrderStatus.Cancelled);
        cancelled.ClientOrderId.ShouldBe("sig-2");
        after.ShouldBe(new AssetBalance("USDT", 10_000m, 0m));
        (await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, "sig-2", Ct))!.Status.ShouldBe(OrderStatus.Cancelled);
    }

    [Fact]
    public async Task SignedRequests_ClientIdWithReservedCharacters_SignedOverThePercentEncodedBytesSent()
    {
        await using var h = await StartAsync();
        const string id = "bot:7/sig.42_a-b";

        var placement = await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, id), Ct);
        var queried = await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, id, Ct);
        var cancelled = await h.Client.CancelOrderAsync(TestCandles.BtcUsdt, id, Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed, placement.Reason);
        queried!.ClientOrderId.ShouldBe(id);
        cancelled.ClientOrderId.ShouldBe(id);
        h.Simulator.Requests.All.Where(r => r.Query.Length > 0).ShouldAllBe(r => r.Query.Contains("bot%3A7%2Fsig.42_a-b"));
    }

    [Fact]
    public async Task CancelAllAsync_TwoOpenOrders_CancelsBothThenReturnsEmpty()
    {
        await using var h = await StartAsync();
        await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, "a"), Ct);
        await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 31_000m, "b"), Ct);

        var first = await h.Client.CancelAllAsync(TestCandles.BtcUsdt, Ct);
        var second = await h.Client.CancelAllAsync(TestCandles.BtcUsdt, Ct);

        first.Select(o => o.ClientOrderId).ShouldBe(["a", "b"], ignoreOrder: true);
        first.ShouldAllBe(o => o.Status == OrderStatus.Cancelled);
        second.ShouldBeEmpty();
        (await h.Client.GetOpenOrdersAsync(TestCandles.BtcUsdt, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceOrderAsync_RestingLimit_FillsAtLimitWhenReplayedBarTradesThroughIt()
    {
        var candles = TestCandles.Generate(40);
        await using var h = await StartAsync(candles, replayFromMs: candles[20].OpenTimeMs);
        var replayed = candles.Skip(20).ToList();
        var limit = Math.Round(replayed.Min(c => c.Low) + 1m, 2);
        limit.ShouldBeLessThan(h.HistoryClose);
        var crossing = replayed.First(c => c.Low <= limit);

        var placement = await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, limit, "dip"), Ct);
        await using (var stream = await BinanceKlineStream.ConnectAsync(h.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct))
        {
            while (await stream.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != crossing.OpenTimeMs) { }
        }
        var order = await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, "dip", Ct);

        placement.Order!.Status.ShouldBe(OrderStatus.New);
        order!.Status.ShouldBe(OrderStatus.Filled);
        order.AveragePrice.ShouldBe(crossing.Open <= limit ? crossing.Open : limit);
        h.Exchange.Balance("BTC").Free.ShouldBe(0.00999m, "0.01 less the commission in BTC");
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Theory]
    [InlineData(0.0000000001, null, BinanceErrorKind.InvalidParameter, "Parameter 'quantity' has too much precision.")]
    [InlineData(0.000015, null, BinanceErrorKind.FilterFailure, "Filter failure: LOT_SIZE")]
    [InlineData(0.00001, null, BinanceErrorKind.FilterFailure, "Filter failure: NOTIONAL")]
    [InlineData(0.01, 40000.005, BinanceErrorKind.FilterFailure, "Filter failure: PRICE_FILTER")]
    [InlineData(1, null, BinanceErrorKind.InsufficientBalance, "Account has insufficient balance for requested action.")]
    public async Task PlaceOrderAsync_BreaksARule_NotPlacedWithBinanceCodeAndMessage(double quantity, double? price, BinanceErrorKind kind, string message)
    {
        await using var h = await StartAsync();
        var request = price is null
            ? Market(OrderSide.Buy, (decimal)quantity, "bad")
            : Limit(OrderSide.Buy, (decimal)quantity, (decimal)price.Value, "bad");

        var placement = await h.Client.PlaceOrderAsync(request, Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        placement.Rejection!.Kind.ShouldBe(kind);
        placement.Rejection.BinanceMessage.ShouldBe(message);
        placement.Reason!.ShouldContain(message);
        h.Exchange.Orders.ShouldBeEmpty();
        h.Exchange.Balance("USDT").Free.ShouldBe(10_000m);
    }

    [Fact]
    public async Task PlaceOrderAsync_ReusedClientIdOfOpenOrder_RejectedAsDuplicate()
    {
        await using var h = await StartAsync();
        await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, "same"), Ct);

        var second = await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, "same"), Ct);

        second.Rejection!.Kind.ShouldBe(BinanceErrorKind.DuplicateOrder);
        second.Rejection.Code.ShouldBe(-2010);
        h.Exchange.OrdersWithClientId("same").Count.ShouldBe(1);
    }

    [Fact]
    public async Task PlaceOrderAsync_ClientIdOfAFilledOrder_PlacedAgainAndQueriesFindTheNewest()
    {
        await using var h = await StartAsync();
        var first = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "again"), Ct);

        var second = await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, "again"), Ct);

        first.Order!.Status.ShouldBe(OrderStatus.Filled);
        second.Outcome.ShouldBe(PlacementOutcome.Placed);
        (await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, "again", Ct))!.OrderId.ShouldBe(second.Order!.OrderId);
        (await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, first.Order.OrderId, Ct))!.Status.ShouldBe(OrderStatus.Filled);
        (await h.Client.GetOpenOrdersAsync(ct: Ct)).ShouldHaveSingleItem().OrderId.ShouldBe(second.Order.OrderId);
        h.Exchange.OrdersWithClientId("again").Count.ShouldBe(2);
    }

    [Fact]
    public async Task SellWithoutBase_AndUnknownSymbol_AreRejectedWithTypedErrors()
    {
        await using var h = await StartAsync();

        var sell = await h.Client.PlaceOrderAsync(Market(OrderSide.Sell, 0.01m, "s"), Ct);
        var symbol = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 1m, "x", new Symbol("XYZUSDT")), Ct);
        var cancel = await Should.ThrowAsync<BinanceTradingException>(() => h.Client.CancelOrderAsync(TestCandles.BtcUsdt, "nope", Ct));
        var query = await h.Client.QueryOrderAsync(TestCandles.BtcUsdt, "nope", Ct);

        sell.Rejection!.Kind.ShouldBe(BinanceErrorKind.InsufficientBalance);
        symbol.Rejection!.Kind.ShouldBe(BinanceErrorKind.InvalidSymbol);
        symbol.Rejection.Code.ShouldBe(-1121);
        cancel.Kind.ShouldBe(BinanceErrorKind.UnknownOrder);
        cancel.Message.ShouldBe("Binance rejected DELETE /api/v3/order: Unknown order sent. (code -2011).");
        query.ShouldBeNull();
    }

    [Fact]
    public async Task AnyRequest_WrongSecret_RejectedAsInvalidSignatureWithoutLeakingTheSecret()
    {
        await using var h = await StartAsync();
        var client = h.NewClient(new BinanceCredentials(TestCredentials.ApiKey, "wrong-secret-value"));

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "w"), Ct);
        var account = await Should.ThrowAsync<BinanceTradingException>(() => client.GetAccountAsync(Ct));

        placement.Rejection!.Code.ShouldBe(-1022);
        account.Kind.ShouldBe(BinanceErrorKind.InvalidSignature);
        account.Message.ShouldNotContain("wrong-secret-value");
        account.Message.ShouldNotContain(TestCredentials.ApiKey);
        h.Exchange.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAccountAsync_ClockBehindServer_Fails1021ThenWorksAfterSyncClock()
    {
        await using var h = await StartAsync();
        var clock = new BinanceServerClock(new SkewedTimeProvider(TimeSpan.FromMinutes(-2)));
        var client = h.NewClient(options: FastOptions with { ResyncClockOnTimestampError = false }, clock: clock);

        var skewed = await Should.ThrowAsync<BinanceTradingException>(() => client.GetAccountAsync(Ct));
        var offset = await client.SyncClockAsync(Ct);
        var account = await client.GetAccountAsync(Ct);

        skewed.Kind.ShouldBe(BinanceErrorKind.InvalidTimestamp);
        skewed.Message.ShouldContain("Timestamp for this request is outside of the recvWindow.");
        offset.ShouldBeGreaterThan(TimeSpan.FromSeconds(110));
        account.Balance("USDT").Free.ShouldBe(10_000m);
    }

    [Fact]
    public async Task PlaceOrderAsync_ClockAheadWithResync_ResyncsOnceAndPlaces()
    {
        await using var h = await StartAsync();
        var client = h.NewClient(clock: new BinanceServerClock(new SkewedTimeProvider(TimeSpan.FromSeconds(30))));

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "ahead"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        h.Simulator.Requests.All.Where(r => r.Path == "/api/v3/order").Select(r => r.Status).ShouldBe([400, 200]);
        h.Exchange.OrdersWithClientId("ahead").Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetOrderTradesAsync_FilledOrder_ReturnsItsTradesWithCommissionOnly()
    {
        await using var h = await StartAsync();
        var first = (await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "trades-1"), Ct)).Order!;
        var second = (await h.Client.PlaceOrderAsync(Market(OrderSide.Sell, 0.004m, "trades-2"), Ct)).Order!;

        var trades = await h.Client.GetOrderTradesAsync(TestCandles.BtcUsdt, second.OrderId, Ct);

        var trade = trades.ShouldHaveSingleItem();
        trade.ShouldBe(second.Fills.ShouldHaveSingleItem() with { IsMaker = false });
        trade.TradeId.ShouldNotBe(first.Fills[0].TradeId);
        trade.Commission.ShouldBe(Math.Round(trade.Price * 0.004m * 0.001m, 8));
        trade.CommissionAsset.ShouldBe("USDT");
        (await h.Client.GetOrderTradesAsync(TestCandles.BtcUsdt, 999_999, Ct)).ShouldBeEmpty();
    }
}
