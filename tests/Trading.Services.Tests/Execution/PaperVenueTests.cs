using Shouldly;
using Trading.Binance.Simulator;
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
        var (venue, fills) = CreateVenue();
        await venue.OnCandleAsync(candles[0], Ct);

        var placed = await venue.PlaceAsync(Submitted(WallClock), Ct);
        await venue.OnCandleAsync(candles[1], Ct);

        placed.ShouldHaveSingleItem().Order.Status.ShouldBe(OrderStatus.New);
        var fill = fills.ShouldHaveSingleItem();
        fill.Price.ShouldBe(candles[1].Open);
        fill.Time.ShouldBe(candles[1].OpenTime);
    }

    [Fact]
    public async Task PlaceAsync_LiveSignalAfterTheNextBarOpened_StillFillsOnThatBarAsTheBacktesterWould()
    {
        var candles = TestCandles.Generate(3);
        var (venue, fills) = CreateVenue();
        await venue.OnCandleAsync(candles[0], Ct);

        // Decided on candle 0 and placed a moment after candle 1 opened (wall clock just past candle 0's close).
        await venue.PlaceAsync(Submitted(candles[1].OpenTime.AddMilliseconds(300)), Ct);
        await venue.OnCandleAsync(candles[1], Ct);

        fills.ShouldHaveSingleItem().Price.ShouldBe(candles[1].Open);
    }

    [Fact]
    public async Task OnCandleAsync_CandleBeforeTheDecision_DoesNotFill()
    {
        var candles = TestCandles.Generate(3);
        var (venue, fills) = CreateVenue();
        await venue.OnCandleAsync(candles[1], Ct);

        await venue.PlaceAsync(Submitted(WallClock), Ct);
        await venue.OnCandleAsync(candles[0], Ct);

        fills.ShouldBeEmpty();
    }

    private static (PaperVenue Venue, List<Fill> Fills) CreateVenue()
    {
        var filters = SimulatorSymbols.ListFor([Btc]).Single(s => s.Symbol == Btc).Filters;
        var venue = new PaperVenue(new FillModel(), 10_000m, [(Btc, filters, 0m)]);
        var fills = new List<Fill>();
        venue.Attach((update, _) =>
        {
            if (update.Fill is { } fill) fills.Add(fill);
            return ValueTask.CompletedTask;
        });
        return (venue, fills);
    }

    private static Order Submitted(DateTimeOffset at)
    {
        var created = new Order
        {
            Id = "o1", ClientOrderId = "c1", Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.01m,
            CreatedAt = at, UpdatedAt = at,
        };
        return OrderStateMachine.Submit(created, at).Order;
    }
}
