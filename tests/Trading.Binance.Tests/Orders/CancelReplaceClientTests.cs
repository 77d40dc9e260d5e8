using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;
using static Trading.TestInfrastructure.Binance.TradingHarness;

namespace Trading.Binance.Tests.Orders;

/// <summary>The trading client's cancel-replace (re-pricing a resting limit entry) against the simulator on loopback.</summary>
public sealed class CancelReplaceClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TradingHarness> RestingEntryAsync()
    {
        var h = await StartAsync();
        (await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 40_000m, "entry"), Ct)).Outcome.ShouldBe(PlacementOutcome.Placed);
        return h;
    }

    [Fact]
    public async Task CancelReplaceAsync_RestingEntry_OldCancelledNewRestsAtTheNewPrice()
    {
        await using var h = await RestingEntryAsync();

        var outcome = await h.Client.CancelReplaceAsync(TestCandles.BtcUsdt, "entry", Limit(OrderSide.Buy, 0.01m, 40_500m, "entry-r1"), Ct);

        outcome.Replaced.ShouldBeTrue();
        outcome.Cancelled!.ClientOrderId.ShouldBe("entry");
        outcome.Cancelled.Status.ShouldBe(OrderStatus.Cancelled);
        outcome.NewOrder.Order!.ClientOrderId.ShouldBe("entry-r1");
        outcome.NewOrder.Order.Price.ShouldBe(40_500m);
        outcome.NewOrder.Order.Status.ShouldBe(OrderStatus.New);
        (await h.Client.GetOpenOrdersAsync(TestCandles.BtcUsdt, Ct)).Select(o => o.ClientOrderId).ShouldBe(["entry-r1"]);
        h.Exchange.Balance("USDT").Locked.ShouldBe(405m);
    }

    [Fact]
    public async Task CancelReplaceAsync_EntryAlreadyGone_CancelRefusedAndNothingPlaced()
    {
        await using var h = await RestingEntryAsync();
        await h.Client.CancelOrderAsync(TestCandles.BtcUsdt, "entry", Ct);

        var outcome = await h.Client.CancelReplaceAsync(TestCandles.BtcUsdt, "entry", Limit(OrderSide.Buy, 0.01m, 40_500m, "entry-r1"), Ct);

        outcome.Replaced.ShouldBeFalse();
        outcome.Cancelled.ShouldBeNull();
        outcome.CancelRejection!.Kind.ShouldBe(BinanceErrorKind.UnknownOrder);
        outcome.NewOrder.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        outcome.NewOrder.Reason.ShouldBe("not attempted: the cancel was refused (Unknown order sent.)");
        h.Exchange.OrdersWithClientId("entry-r1").ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelReplaceAsync_ReplacementBeyondTheBalance_CancelStandsNewRejectedWithItsReason()
    {
        await using var h = await RestingEntryAsync();

        var outcome = await h.Client.CancelReplaceAsync(TestCandles.BtcUsdt, "entry", Limit(OrderSide.Buy, 1m, 40_500m, "entry-r1"), Ct);

        outcome.Cancelled!.Status.ShouldBe(OrderStatus.Cancelled);
        outcome.NewOrder.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        outcome.NewOrder.Rejection!.Kind.ShouldBe(BinanceErrorKind.InsufficientBalance);
        outcome.NewOrder.Reason!.ShouldContain("insufficient balance");
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task CancelReplaceAsync_PriceOffTheTick_PlainRejectionAndTheEntryStillRests()
    {
        await using var h = await RestingEntryAsync();

        var outcome = await h.Client.CancelReplaceAsync(TestCandles.BtcUsdt, "entry", Limit(OrderSide.Buy, 0.01m, 40_500.001m, "entry-r1"), Ct);

        outcome.Cancelled.ShouldBeNull();
        outcome.CancelRejection!.Kind.ShouldBe(BinanceErrorKind.FilterFailure);
        outcome.NewOrder.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        h.Exchange.OrdersWithClientId("entry").Single().Status.ShouldBe("NEW");
    }

    [Fact]
    public async Task CancelReplaceAsync_AnswerLostAfterAccept_ResolvedByQueryingBothOrdersSentOnce()
    {
        await using var h = await RestingEntryAsync();
        h.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.ServerErrorAfterAccept));

        var outcome = await h.Client.CancelReplaceAsync(TestCandles.BtcUsdt, "entry", Limit(OrderSide.Buy, 0.01m, 40_500m, "entry-r1"), Ct);

        outcome.Replaced.ShouldBeTrue();
        outcome.NewOrder.WasResolvedByQuery.ShouldBeTrue();
        h.Exchange.OrdersWithClientId("entry-r1").ShouldHaveSingleItem();
        h.Exchange.PlacementRequests.ShouldBe(2);
    }
}
