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
}
