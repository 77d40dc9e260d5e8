using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// PROTECTIVE_ORDERS=exchange on testnet against the simulator: a filled entry's stop-loss and take-profit are held at the
/// exchange as an OCO, so they work while the bot is down, and a restarted bot reconciles them instead of placing them again.
/// </summary>
public sealed class ProtectiveOrdersCrashTests
{
    private static readonly Symbol Btc = ExecutionHarness.Btc;

    private static readonly ExecutionPolicy ExchangeHeld = new() { StopLossPct = 2m, TakeProfitPct = 3m, ProtectiveOrders = ProtectiveOrderMode.Exchange };

    /// <summary>Ten history bars near 42,000, then replayed bars: one flat, one that falls to 40,000 (through a 2% stop), one flat.</summary>
    private static List<Candle> FallThroughTheStop(out decimal price)
    {
        var history = TestCandles.Generate(10);
        price = history[^1].Close;
        var start = TestCandles.Start + 10 * 60_000L;
        return
        [
            .. history,
            new Candle(Btc, Timeframe.M1, start, price, price + 10m, price - 10m, price, 50m),
            new Candle(Btc, Timeframe.M1, start + 60_000L, price, price + 10m, 40_000m, 40_100m, 50m),
            new Candle(Btc, Timeframe.M1, start + 120_000L, 40_100m, 40_150m, 40_050m, 40_100m, 50m),
        ];
    }

    /// <summary>Buys 0.01 BTC at <paramref name="price"/> and waits until both protective orders are accepted by the exchange.</summary>
    private static async Task<(Order Stop, Order Target)> EnterAndAwaitProtectionAsync(TestnetRun run, decimal price)
    {
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(0, price), run.H.Token);
        await run.SignalAsync("protected-entry", OrderSide.Buy, price, 0.01m);
        var accepted = new Dictionary<string, Order>();
        while (accepted.Count < 2)
        {
            var order = await run.H.NextAsync(run.H.Orders);
            order.Status.ShouldNotBeOneOf(OrderStatus.Rejected, OrderStatus.Failed);
            if (order.Side == OrderSide.Sell && order.Status == OrderStatus.New) accepted[order.Id] = order;
        }
        return (accepted.Values.Single(o => o.Type == OrderType.Market), accepted.Values.Single(o => o.Type == OrderType.Limit));
    }

    [Fact]
    public async Task Testnet_EntryFills_StopAndTargetPlacedAtTheExchangeAsOneOco()
    {
        var candles = FallThroughTheStop(out var price);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: candles[10].OpenTimeMs, ExchangeHeld);

        var (stop, target) = await EnterAndAwaitProtectionAsync(run, price);

        var list = run.Sim.Exchange.OrderLists.ShouldHaveSingleItem();
        list.ListOrderStatus.ShouldBe("EXECUTING");
        var legs = list.Orders.ToDictionary(o => o.ClientOrderId);
        legs[stop.ClientOrderId].TypeName.ShouldBe("STOP_LOSS");
        legs[stop.ClientOrderId].StopPrice.ShouldBe(Math.Floor(price * 0.98m * 100m) / 100m);
        legs[target.ClientOrderId].TypeName.ShouldBe("LIMIT_MAKER");
        legs[target.ClientOrderId].Price.ShouldBe(Math.Ceiling(price * 1.03m * 100m) / 100m);
        legs.Values.ShouldAllBe(o => o.Quantity == 0.00999m, "the whole position after the commission taken in BTC");
        run.Sim.Exchange.Balance("BTC").Locked.ShouldBe(0.00999m);
    }

    [Fact]
    public async Task Testnet_BotDiesAndStopFillsAtTheExchange_RestartBooksTheExitWithoutPlacingAnythingTwice()
    {
        var candles = FallThroughTheStop(out var price);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: candles[10].OpenTimeMs, ExchangeHeld);
        var (stop, target) = await EnterAndAwaitProtectionAsync(run, price);

        await run.StopServicesAsync();
        await run.H.ReplayAsync(run.Sim);
        var filledWhileDown = run.Sim.Exchange.OrdersWithClientId(stop.ClientOrderId).Single();
        await run.StartServicesAsync();
        var exit = await run.WaitForBookedAsync(stop.Id);

        filledWhileDown.Status.ShouldBe("FILLED");
        run.Sim.Exchange.OrdersWithClientId(target.ClientOrderId).Single().Status.ShouldBe("EXPIRED");
        run.Sim.Exchange.Orders.Count.ShouldBe(3, "the entry and the two legs of one OCO, nothing placed again after the restart");
        run.Sim.Exchange.OrderLists.Count.ShouldBe(1);
        run.Sim.Exchange.PlacementRequests.ShouldBe(2);
        exit.Quantity.ShouldBe(0.00999m);
        exit.Price.ShouldBe(filledWhileDown.Trades.Single().Price);
        (await run.H.Store.Orders.GetAsync(stop.Id, run.H.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Filled);
        (await run.H.Store.Orders.GetAsync(target.Id, run.H.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Expired);
        (await run.H.Store.Orders.ListAsync(openOnly: true, limit: 100, run.H.Token)).ShouldBeEmpty();
        run.Executor.Kernel.Exits.ArmedCount.ShouldBe(0);
        run.Tracker.Account.Quantity(Btc).ShouldBe(0m);
        run.Sim.Exchange.Balance("BTC").ShouldBe(new Binance.Simulator.Matching.SimulatedBalance("BTC", 0m, 0m));
    }

    [Fact]
    public async Task Testnet_RestartWhileTheOcoIsOpen_ReconcilesItAndPlacesNothingNew()
    {
        var candles = FallThroughTheStop(out var price);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: candles[10].OpenTimeMs, ExchangeHeld);
        var (stop, target) = await EnterAndAwaitProtectionAsync(run, price);

        await run.StopServicesAsync();
        await run.StartServicesAsync();

        run.Sim.Exchange.PlacementRequests.ShouldBe(2);
        run.Sim.Exchange.OrderLists.ShouldHaveSingleItem().ListOrderStatus.ShouldBe("EXECUTING");
        var open = await run.H.Store.Orders.ListAsync(openOnly: true, limit: 100, run.H.Token);
        open.Select(o => o.Id).Order().ShouldBe(new[] { stop.Id, target.Id }.Order());
        run.Executor.Kernel.Exits.ArmedCount.ShouldBe(1);
    }

    [Fact]
    public async Task Testnet_SellSignalWhileProtected_CancelsTheOcoThenSellsAndPlacesNoNewOne()
    {
        var candles = FallThroughTheStop(out var price);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: candles[10].OpenTimeMs, ExchangeHeld);
        var (stop, target) = await EnterAndAwaitProtectionAsync(run, price);

        await run.SignalAsync("strategy-exit", OrderSide.Sell, price, 0.00999m);
        await run.WaitForStatusAsync("strategy-exit", OrderStatus.Filled);

        var list = run.Sim.Exchange.OrderLists.ShouldHaveSingleItem();
        list.ListOrderStatus.ShouldBe("ALL_DONE");
        list.Orders.ShouldAllBe(o => o.Status == "CANCELED");
        run.Sim.Exchange.OrdersWithClientId(ClientOrderIds.FromSignal("strategy-exit")).Single().Quantity.ShouldBe(0.00999m);
        run.Sim.Exchange.PlacementRequests.ShouldBe(3, "the entry, the OCO and the sell: no new OCO after the cancel");
        (await run.H.Store.Orders.GetAsync(stop.Id, run.H.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Cancelled);
        (await run.H.Store.Orders.GetAsync(target.Id, run.H.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Cancelled);
        (await run.H.Store.Orders.ListAsync(openOnly: true, limit: 100, run.H.Token)).ShouldBeEmpty();
        run.Executor.Kernel.Exits.ArmedCount.ShouldBe(0);
    }
}
