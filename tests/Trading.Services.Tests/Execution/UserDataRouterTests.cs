using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Binance.Execution;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>The user data stream routed into a testnet executor, against the simulator on loopback.</summary>
public sealed class UserDataRouterTests
{
    private static readonly Symbol Btc = ExecutionHarness.Btc;
    private static readonly BinanceCredentials Credentials = ExecutionHarness.SimulatorCredentials;

    [Fact]
    public async Task StreamDropped_LimitFillsWhileAway_ReconciledOverRestWithCommission()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var candles = TestCandles.Generate(30);
        await using var sim = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[10].OpenTimeMs));
        await sim.StartAsync(h.Token);
        using var http = new HttpClient();
        var (executor, venue) = await CreateExecutorAsync(h, sim, http, candles[9].Close);
        // The first reconnect waits 2-4 s, far longer than the replay takes: the fill happens while nobody listens.
        await using var router = CreateRouter(h, sim, executor, venue, TimeSpan.FromSeconds(2));
        var handled = Watch(router);
        await router.StartAsync(h.Token);

        var resting = await executor.ExecuteAsync(new ExecutionRequest("away-limit", new OrderIntent(Btc, OrderSide.Buy, 0.005m, candles[9].Close - 5m, candles[9].Close)), h.Token);
        resting.Order.ShouldNotBeNull().Status.ShouldBe(OrderStatus.New, resting.Reason);
        sim.Exchange.DropUserDataStreams();
        await h.ReplayAsync(sim);
        var trade = sim.Exchange.OrdersWithClientId(resting.Order.ClientOrderId).ShouldHaveSingleItem().Trades.ShouldHaveSingleItem();
        await NextOfAsync<VenueStreamRestored>(handled, h);

        var stored = (await h.Store.Orders.GetAsync(resting.Order.Id, h.Token)).ShouldNotBeNull();
        stored.Status.ShouldBe(OrderStatus.Filled);
        router.FillsFromStream.ShouldBe(0);
        router.Reconciliations.ShouldBe(2);
        var fill = (await h.Store.Orders.GetFillsAsync(stored.Id, h.Token)).ShouldHaveSingleItem();
        fill.Id.ShouldBe($"BTCUSDT-{trade.TradeId}");
        fill.Fee.ShouldBe(trade.Commission);
        executor.Market.Account.Quantity(Btc).ShouldBe(sim.Exchange.Balance("BTC").Free);
    }

    [Fact]
    public async Task BalanceUpdate_Deposit_BookedIntoExecutorAccountAndSurvivesRestart()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var candles = TestCandles.Generate(5);
        await using var sim = new BinanceSimulator(new SimulatedMarket().Add(candles));
        await sim.StartAsync(h.Token);
        using var http = new HttpClient();
        var (executor, venue) = await CreateExecutorAsync(h, sim, http, candles[^1].Close);
        await using var router = CreateRouter(h, sim, executor, venue, TimeSpan.FromMilliseconds(10));
        var handled = Watch(router);
        await router.StartAsync(h.Token);
        var before = executor.Market.Account.Cash;

        await sim.Exchange.DepositAsync("USDT", 250.5m, h.Token);
        await NextOfAsync<VenueTransfer>(handled, h);

        executor.Market.Account.Cash.ShouldBe(before + 250.5m);
        executor.Market.Account.DailyPnl.ShouldBe(0m);
        (await new BalanceAdjustments(h.Store.SystemState).LoadAsync(h.Token)).ShouldHaveSingleItem().Delta.ShouldBe(250.5m);
        await h.ReopenStoreAsync();
        var restarted = await h.CreateExecutorAsync(ExecutionMode.Testnet, h.SimulatorVenue(http, sim));
        restarted.Market.Account.Cash.ShouldBe(sim.Exchange.Balance("USDT").Free);
        (await new BalanceAdjustments(h.Store.SystemState).LoadAsync(h.Token)).Count.ShouldBe(1, "the restart replays the deposit, it finds no new difference");
    }

    private static async Task<(OrderExecutor Executor, BinanceVenue Venue)> CreateExecutorAsync(ExecutionHarness h, BinanceSimulator sim, HttpClient http, decimal price)
    {
        var venue = h.SimulatorVenue(http, sim);
        var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, venue);
        await executor.OnCandleAsync(ExecutionHarness.Bar(0, price), h.Token);
        return (executor, venue);
    }

    private static UserDataRouter CreateRouter(ExecutionHarness h, BinanceSimulator sim, OrderExecutor executor, BinanceVenue venue, TimeSpan reconnectDelay)
    {
        var stream = new BinanceUserDataStream(Credentials, new UserDataStreamOptions
        {
            WebSocketApiUrl = sim.WebSocketApiUrl, ReconnectBaseDelay = reconnectDelay, ReconnectMaxDelay = reconnectDelay * 4,
        });
        return new UserDataRouter(new BinanceVenueEvents(stream), executor, venue, h.Store, h.Bus, h.Clock, NullLogger.Instance);
    }

    private static Channel<VenueEvent> Watch(UserDataRouter router)
    {
        var handled = Channel.CreateUnbounded<VenueEvent>();
        router.Handled += update => handled.Writer.TryWrite(update);
        return handled;
    }

    private static async Task NextOfAsync<T>(Channel<VenueEvent> handled, ExecutionHarness h) where T : VenueEvent
    {
        while (await h.NextAsync(handled) is not T)
        {
        }
    }
}
