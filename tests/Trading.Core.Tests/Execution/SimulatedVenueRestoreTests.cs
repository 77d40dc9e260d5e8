using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Core.Tests.Execution;

/// <summary><see cref="SimulatedVenue.Restore"/>: an order another venue accepted (a stored paper order) rests here as it did there.</summary>
public class SimulatedVenueRestoreTests
{
    private static readonly SymbolFilters Filters = new() { TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m };

    private static SimulatedVenue NewVenue(decimal quote = 10_000m)
    {
        var venue = new SimulatedVenue(new FillModel(new FillModelOptions { MakerFeeBps = 5m, TakerFeeBps = 10m, SlippageBps = 10m }), quote);
        venue.AddSymbol(Orders.BtcUsdt, Filters);
        return venue;
    }

    private static Candle Bar(int minute, decimal open, decimal high, decimal low, decimal close) =>
        new(Orders.BtcUsdt, Timeframe.M1, Orders.T0.AddMinutes(minute).ToUnixTimeMilliseconds(), open, high, low, close, 1m);

    [Fact]
    public void Restore_AcceptedLimitBuy_ReservesItsQuoteAndFillsAsAMakerWhenTradedThrough()
    {
        var placedAt = Bar(0, 100, 101, 99, 100).CloseTime;
        var accepted = OrderStateMachine.Accept(Orders.Create(OrderStatus.Submitted, 10m, OrderSide.Buy, OrderType.Limit, 95m), "SIM-7", placedAt).Order;
        var venue = NewVenue();
        var updates = new List<VenueUpdate>();

        venue.Restore(accepted, placedAt, hasSeenCandle: true);
        venue.ReservedQuote.ShouldBe(10m * 95m * 1.001m);
        venue.OnCandle(Bar(1, 96, 97, 94, 95), updates);

        var fill = updates.ShouldHaveSingleItem().Fill.ShouldNotBeNull();
        fill.Price.ShouldBe(95m);
        fill.IsMaker.ShouldBeTrue();
        updates[0].Order.ExchangeOrderId.ShouldBe("SIM-7");
        venue.OpenOrderCount.ShouldBe(0);
        venue.ReservedQuote.ShouldBe(0m);
    }

    [Fact]
    public void Restore_CandleBeforeItWasPlaced_DoesNotFill()
    {
        var placedAt = Bar(5, 100, 101, 99, 100).CloseTime;
        var accepted = OrderStateMachine.Accept(Orders.Create(OrderStatus.Submitted, 1m, OrderSide.Buy, OrderType.Market, null), "SIM-1", placedAt).Order;
        var venue = NewVenue();
        var updates = new List<VenueUpdate>();

        venue.Restore(accepted, placedAt, hasSeenCandle: false);
        venue.OnCandle(Bar(3, 100, 101, 99, 100), updates);

        updates.ShouldBeEmpty();
        venue.OpenOrderCount.ShouldBe(1);
    }

    [Fact]
    public void Restore_OrderNotYetAccepted_Throws()
    {
        var submitted = Orders.Create(OrderStatus.Submitted, 1m, OrderSide.Buy, OrderType.Market, null);

        Should.Throw<ArgumentException>(() => NewVenue().Restore(submitted, Orders.T0, hasSeenCandle: false));
    }
}
