using Shouldly;
using Trading.Binance.Orders;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;
using static Trading.TestInfrastructure.Binance.TradingHarness;

namespace Trading.Binance.Tests.Orders;

/// <summary>The trading client's order lists (OCO) and stop orders against the simulator on loopback.</summary>
public sealed class OrderListClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TradingHarness> HoldingBtcAsync()
    {
        var h = await StartAsync();
        (await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "entry"), Ct)).Outcome.ShouldBe(PlacementOutcome.Placed);
        return h;
    }

    private static NewOcoRequest Protect(TradingHarness h) => NewOcoRequest.ProtectLong(TestCandles.BtcUsdt, 0.009m, "list-1",
        Math.Round(h.HistoryClose * 1.03m, 2), "list-1-tp", Math.Round(h.HistoryClose * 0.98m, 2), "list-1-sl");

    [Fact]
    public async Task PlaceOcoAsync_ProtectLong_PlacesBothLegsListedAsOpenUntilCancelled()
    {
        await using var h = await HoldingBtcAsync();

        var placed = await h.Client.PlaceOcoAsync(Protect(h), Ct);
        var open = await h.Client.GetOpenOrderListsAsync(Ct);
        var cancelled = await h.Client.CancelOrderListAsync(TestCandles.BtcUsdt, "list-1", Ct);
        var openAfter = await h.Client.GetOpenOrderListsAsync(Ct);

        placed.IsOpen.ShouldBeTrue();
        placed.ClientOrderIds.ShouldBe(["list-1-sl", "list-1-tp"]);
        placed.Reports.Select(r => (r.ClientOrderId, r.Type, r.Status)).ShouldBe([("list-1-sl", OrderType.Market, OrderStatus.New), ("list-1-tp", OrderType.Limit, OrderStatus.New)]);
        open.ShouldHaveSingleItem().ListClientOrderId.ShouldBe("list-1");
        cancelled.IsOpen.ShouldBeFalse();
        cancelled.Reports.ShouldAllBe(r => r.Status == OrderStatus.Cancelled);
        openAfter.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceOcoAsync_MoreThanHeld_ThrowsTheExchangesRejection()
    {
        await using var h = await HoldingBtcAsync();

        var refused = await Should.ThrowAsync<BinanceTradingException>(() => h.Client.PlaceOcoAsync(Protect(h) with { Quantity = 1m }, Ct));

        refused.Code.ShouldBe(-2010);
        h.Exchange.OrderLists.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceOrderAsync_WithStopPrice_PlacesAStopLossThatWaits()
    {
        await using var h = await HoldingBtcAsync();

        var placement = await h.Client.PlaceOrderAsync(Market(OrderSide.Sell, 0.009m, "stop") with { StopPrice = Math.Round(h.HistoryClose * 0.98m, 2) }, Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed, placement.Reason);
        placement.Order!.Status.ShouldBe(OrderStatus.New);
        var stop = h.Exchange.OrdersWithClientId("stop").Single();
        stop.TypeName.ShouldBe("STOP_LOSS");
        stop.IsWorking.ShouldBeFalse();
    }
    private static NewOtocoRequest EnterProtected(TradingHarness h, decimal quantity = 0.01m) => NewOtocoRequest.EnterLongProtected(TestCandles.BtcUsdt, "otoco-1",
        quantity, Math.Round(h.HistoryClose * 0.99m, 2), "otoco-1-in", 0.0099m, Math.Round(h.HistoryClose * 1.03m, 2), "otoco-1-tp",
        Math.Round(h.HistoryClose * 0.97m, 2), "otoco-1-sl");

    [Fact]
    public async Task PlaceOtocoAsync_EnterLongProtected_EntryRestsProtectionPendingUntilCancelled()
    {
        await using var h = await StartAsync();

        var placed = await h.Client.PlaceOtocoAsync(EnterProtected(h), Ct);
        var open = await h.Client.GetOpenOrderListsAsync(Ct);
        var cancelled = await h.Client.CancelOrderListAsync(TestCandles.BtcUsdt, "otoco-1", Ct);

        placed.IsOpen.ShouldBeTrue();
        placed.ClientOrderIds.ShouldBe(["otoco-1-in", "otoco-1-sl", "otoco-1-tp"]);
        placed.Reports.Select(r => (r.ClientOrderId, r.Side, r.Type)).ShouldBe(
            [("otoco-1-in", OrderSide.Buy, OrderType.Limit), ("otoco-1-sl", OrderSide.Sell, OrderType.Market), ("otoco-1-tp", OrderSide.Sell, OrderType.Limit)]);
        h.Exchange.OrdersWithClientId("otoco-1-sl").Single().Status.ShouldBe("CANCELED");
        open.ShouldHaveSingleItem().ListClientOrderId.ShouldBe("otoco-1");
        cancelled.IsOpen.ShouldBeFalse();
        cancelled.Reports.ShouldAllBe(r => r.Status == OrderStatus.Cancelled);
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task PlaceOtocoAsync_EntryBeyondTheBalance_ThrowsTheExchangesRejectionPlacesNothing()
    {
        await using var h = await StartAsync();

        var refused = await Should.ThrowAsync<BinanceTradingException>(() => h.Client.PlaceOtocoAsync(EnterProtected(h, quantity: 5m), Ct));

        refused.Kind.ShouldBe(BinanceErrorKind.InsufficientBalance);
        h.Exchange.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceOtoAsync_EntryAndPendingTarget_PendingWaitsForTheEntry()
    {
        await using var h = await StartAsync();
        var request = new NewOtoRequest(TestCandles.BtcUsdt, "oto-1", new WorkingLeg(OrderSide.Buy, 0.01m, Math.Round(h.HistoryClose * 0.99m, 2), "oto-1-in"),
            OrderSide.Sell, 0.0099m, new OcoLeg("LIMIT", "oto-1-out", Price: Math.Round(h.HistoryClose * 1.02m, 2)));

        var placed = await h.Client.PlaceOtoAsync(request, Ct);

        placed.ClientOrderIds.ShouldBe(["oto-1-in", "oto-1-out"]);
        h.Exchange.OrdersWithClientId("oto-1-out").Single().Status.ShouldBe("PENDING_NEW");
        h.Exchange.OrdersWithClientId("oto-1-in").Single().Status.ShouldBe("NEW");
    }
}
