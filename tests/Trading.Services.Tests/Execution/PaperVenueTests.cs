using Shouldly;
using Trading.Binance.Filters;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

public sealed class PaperVenueTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset WallClock = new(2026, 11, 21, 22, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceAsync_ReplayOfPastCandles_MarketOrderFillsAtTheNextCandlesOpenNotNever()
    {
        var candles = TestCandles.Generate(3);
        var venue = CreateVenue();
        venue.OnCandle(candles[0]);

        var placed = await venue.PlaceAsync(Submitted(WallClock), Ct);
        var fills = Fills(venue.OnCandle(candles[1]));

        placed.ShouldHaveSingleItem().Order.Status.ShouldBe(OrderStatus.New);
        var fill = fills.ShouldHaveSingleItem();
        fill.Price.ShouldBe(candles[1].Open);
        fill.Time.ShouldBe(candles[1].OpenTime);
    }

    [Fact]
    public async Task PlaceAsync_LiveSignalAfterTheNextBarOpened_StillFillsOnThatBarAsTheBacktesterWould()
    {
        var candles = TestCandles.Generate(3);
        var venue = CreateVenue();
        venue.OnCandle(candles[0]);

        // Decided on candle 0 and placed a moment after candle 1 opened (wall clock just past candle 0's close).
        await venue.PlaceAsync(Submitted(candles[1].OpenTime.AddMilliseconds(300)), Ct);
        var fills = Fills(venue.OnCandle(candles[1]));

        fills.ShouldHaveSingleItem().Price.ShouldBe(candles[1].Open);
    }

    [Fact]
    public async Task OnCandle_CandleBeforeTheDecision_DoesNotFill()
    {
        var candles = TestCandles.Generate(3);
        var venue = CreateVenue();
        venue.OnCandle(candles[1]);

        await venue.PlaceAsync(Submitted(WallClock), Ct);
        var fills = Fills(venue.OnCandle(candles[0]));

        fills.ShouldBeEmpty();
    }

    [Fact]
    public async Task Load_OpenOrderPlacedByAnotherBook_FillsOnTheNextCandleWithItsStoredIdentity()
    {
        var candles = TestCandles.Generate(3);
        var placer = CreateVenue();
        placer.OnCandle(candles[0]);
        var accepted = (await placer.PlaceAsync(Submitted(WallClock), Ct)).ShouldHaveSingleItem().Order;
        var matcher = CreateVenue();
        matcher.OnCandle(candles[0]);

        matcher.Load(10_000m, _ => 0m, [accepted]);
        var updates = matcher.OnCandle(candles[1]);

        var fill = Fills(updates).ShouldHaveSingleItem();
        fill.Price.ShouldBe(candles[1].Open);
        fill.Id.ShouldBe($"o1-F{accepted.Quantity}");
        updates.Last().Order.ExchangeOrderId.ShouldBe(accepted.ExchangeOrderId);
        matcher.OpenOrders.ShouldBeEmpty();
    }

    [Fact]
    public async Task MatchOrderAt_TwoOpenOrders_FillsOnlyTheGivenOne()
    {
        var candles = TestCandles.Generate(2);
        var venue = CreateVenue();
        venue.OnCandle(candles[0]);
        await venue.PlaceAsync(Submitted(WallClock), Ct);
        var second = (await venue.PlaceAsync(Submitted(WallClock, "o2"), Ct)).Single().Order;

        var updates = venue.MatchOrderAt(second, candles[0].Close, WallClock);

        Fills(updates).ShouldHaveSingleItem().OrderId.ShouldBe("o2");
        updates.ShouldAllBe(u => u.Order.Id == "o2");
    }

    private static PaperVenue CreateVenue()
    {
        var filters = OfflineSymbols.ListFor([Btc]).Single(s => s.Symbol == Btc).Filters;
        return new PaperVenue(new FillModel(), 10_000m, [(Btc, filters, 0m)]);
    }

    private static List<Fill> Fills(IEnumerable<VenueUpdate> updates) => updates.Select(u => u.Fill).OfType<Fill>().ToList();

    private static Order Submitted(DateTimeOffset at, string id = "o1")
    {
        var created = new Order
        {
            Id = id, ClientOrderId = "c-" + id, Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.01m,
            CreatedAt = at, UpdatedAt = at,
        };
        return OrderStateMachine.Submit(created, at).Order;
    }
}
