using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

/// <summary>
/// USDⓈ-M bots' bookings: one step's orders, fills, funding, positions and wallet stored together, read back exactly, a fill or
/// settlement stored twice kept once, a symbol's positions replaced by the next booking (none: flat), and all of it kept across restarts.
/// </summary>
public abstract partial class TradingStoreSuite
{
    private static FuturesOrderRecord FuturesOrder(string id, OrderStatus status, DateTimeOffset at) => new()
    {
        Id = id, SignalId = "sig-1", BotId = "bot-f", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Sell, ReduceOnly = false, Quantity = 0.001m,
        Leverage = 3, Status = status, CreatedAt = at, UpdatedAt = at,
    };

    private static FuturesPositionRecord ShortPosition(DateTimeOffset at) => new()
    {
        Symbol = new Symbol("BTCUSDT"), Direction = -1, Quantity = 0.001m, EntryPrice = 20_000.5m, Leverage = 3, IsolatedMargin = 6.6668333m,
        MarkPrice = 20_100m, LiquidationPrice = 26_560.12345678m, UnrealizedPnl = -0.0995m, Funding = -0.002m, BotId = "bot-f", OpenedAt = at, UpdatedAt = at,
    };

    [Fact]
    public async Task Futures_SaveBookingsThenReopen_RoundTripsOrdersFillsFundingPositionsAndWallet()
    {
        var btc = new Symbol("BTCUSDT");
        var submitted = FuturesOrder("t-1", OrderStatus.Submitted, Now);
        await Store.Futures.SaveAsync(new FuturesBooking { Orders = [submitted], Time = Now }, Ct);
        var fill = new FuturesFillRecord
        {
            Id = "t-1-F1", OrderId = "t-1", BotId = "bot-f", Symbol = btc, Side = OrderSide.Sell, Price = 20_000.5m, Quantity = 0.001m, Fee = 0.02000050m,
            Leverage = 3, Time = Now.AddMinutes(1),
        };
        var funding = new FundingRecord(btc, PositionSide.Both, -1, Now.AddHours(8), 0.001m, 20_100m, 0.0001m, 0.00201m);
        var filled = submitted with { Status = OrderStatus.Filled, FilledQuantity = 0.001m, AveragePrice = 20_000.5m, ExchangeOrderId = "42", UpdatedAt = Now.AddMinutes(1) };
        var booking = new FuturesBooking
        {
            Orders = [filled], Fills = [fill], Funding = [funding], Symbols = [btc], Positions = [ShortPosition(Now)], WalletBalance = 9_999.98201m, Time = Now,
        };
        await Store.Futures.SaveAsync(booking, Ct);
        await Store.Futures.SaveAsync(booking with { Fills = [fill with { Price = 1m }], Funding = [funding with { Amount = 5m }] }, Ct);

        await ReopenAsync();

        (await Store.Futures.GetOrderAsync("t-1", Ct)).ShouldBe(filled);
        (await Store.Futures.ListOrdersAsync(Ct)).ShouldBe([filled]);
        (await Store.Futures.ListFillsAsync(Ct)).ShouldBe([fill]);
        (await Store.Futures.ListFundingAsync(Ct)).ShouldBe([funding]);
        (await Store.Futures.ListPositionsAsync(Ct)).ShouldBe([ShortPosition(Now)]);
        (await Store.Futures.GetWalletBalanceAsync(Ct)).ShouldBe(9_999.98201m);
    }

    [Fact]
    public async Task Futures_BookingWithoutPositionsForTheSymbol_LeavesItFlat()
    {
        var btc = new Symbol("BTCUSDT");
        (await Store.Futures.GetWalletBalanceAsync(Ct)).ShouldBeNull();
        await Store.Futures.SaveAsync(new FuturesBooking { Symbols = [btc], Positions = [ShortPosition(Now)], WalletBalance = 10_000m, Time = Now }, Ct);

        await Store.Futures.SaveAsync(new FuturesBooking { Symbols = [btc], WalletBalance = 10_001.5m, Time = Now.AddMinutes(1) }, Ct);

        (await Store.Futures.ListPositionsAsync(Ct)).ShouldBeEmpty();
        (await Store.Futures.GetWalletBalanceAsync(Ct)).ShouldBe(10_001.5m);
    }
}
