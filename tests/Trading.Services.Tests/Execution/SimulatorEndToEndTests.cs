using System.Threading.Channels;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// The whole testnet path against the Binance simulator over real HTTP and WebSocket on 127.0.0.1: signals on the bus go
/// through the order executor service's risk gate to the simulator, its matching engine fills them, the fills come back over
/// the user data stream, and the portfolio manager ends equal to the simulator's account to the last unit.
/// </summary>
public sealed class SimulatorEndToEndTests
{
    private static readonly Symbol Btc = ExecutionHarness.Btc;

    [Fact]
    public async Task Testnet_SignalsAndRestingLimit_PortfolioEqualsSimulatorAccount()
    {
        var candles = TestCandles.Generate(30);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: candles[10].OpenTimeMs);
        var (h, sim, executor, tracker) = (run.H, run.Sim, run.Executor, run.Tracker);
        var startPrice = candles[9].Close;
        var accountEvents = Channel.CreateUnbounded<VenueBalancesChanged>();
        run.Router.Handled += update => { if (update is VenueBalancesChanged p) accountEvents.Writer.TryWrite(p); };
        // The mark the collector's candle would bring; given directly, as the bus does not order candles before signals.
        await executor.OnCandleAsync(ExecutionHarness.Bar(0, startPrice), h.Token);

        await run.SignalAsync("e2e-buy", OrderSide.Buy, startPrice, 0.01m);
        await run.WaitForStatusAsync("e2e-buy", OrderStatus.Filled);
        await run.SignalAsync("e2e-sell", OrderSide.Sell, startPrice, 0.004m);
        await run.WaitForStatusAsync("e2e-sell", OrderStatus.Filled);

        var limitPrice = startPrice - 5m;
        var resting = await executor.ExecuteAsync(new ExecutionRequest("e2e-limit", new OrderIntent(Btc, OrderSide.Buy, 0.005m, limitPrice, startPrice)), h.Token);
        resting.Order.ShouldNotBeNull().Status.ShouldBe(OrderStatus.New, resting.Reason);
        await h.ReplayAsync(sim);
        await run.WaitForStatusAsync("e2e-limit", OrderStatus.Filled);
        run.Router.FillsFromStream.ShouldBeGreaterThanOrEqualTo(1);

        var lastPrice = sim.Exchange.LastPrice(Btc).ShouldNotBeNull();
        await executor.OnCandleAsync(ExecutionHarness.Bar(30, lastPrice), h.Token);
        await run.SignalAsync("e2e-exit", OrderSide.Sell, lastPrice, 0.003m);
        await run.WaitForStatusAsync("e2e-exit", OrderStatus.Filled);

        var trades = sim.Exchange.Orders.SelectMany(o => o.Trades).ToList();
        trades.Count.ShouldBe(4);
        await run.WaitForBookedAsync(trades.Count);
        var usdt = sim.Exchange.Balance("USDT");
        var btc = sim.Exchange.Balance("BTC");
        await WaitForAccountEventAsync(accountEvents, usdt.Free + usdt.Locked, btc.Free + btc.Locked, h);

        tracker.Account.Cash.ShouldBe(usdt.Free + usdt.Locked);
        tracker.Account.Quantity(Btc).ShouldBe(btc.Free + btc.Locked);
        tracker.Account.Quantity(Btc).ShouldBe(0.008m - 0.00001m - 0.000005m, "bought 0.015 and sold 0.007, less the buys' commission in BTC");
        var stored = await h.Store.Portfolio.GetBalancesAsync(h.Token);
        (stored["USDT"].Free + stored["USDT"].Locked).ShouldBe(usdt.Free + usdt.Locked);
        (stored["BTC"].Free + stored["BTC"].Locked).ShouldBe(btc.Free + btc.Locked);
        (await h.Store.Portfolio.ListPositionsAsync(h.Token)).Single(p => p.Symbol == Btc).Quantity.ShouldBe(btc.Free + btc.Locked);

        var fills = await h.Store.Orders.GetFillsAsync(null, h.Token);
        fills.Select(f => f.Id).Order().ShouldBe(trades.Select(t => $"BTCUSDT-{t.TradeId}").Order());
        fills.Sum(f => f.Fee).ShouldBe(trades.Sum(t => t.Commission));
        tracker.Account.FeesPaid.ShouldBe(trades.Sum(t => t.CommissionAsset == "BTC" ? t.Commission * t.Price : t.Commission), "BTC commission valued at its fill price");
        tracker.Account.FeesPaid.ShouldBeGreaterThan(0m);
        foreach (var order in sim.Exchange.Orders)
            (await h.Store.Orders.GetByClientOrderIdAsync(order.ClientOrderId, h.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Filled);
    }

    private static async Task WaitForAccountEventAsync(Channel<VenueBalancesChanged> events, decimal usdt, decimal btc, ExecutionHarness h)
    {
        while (true)
        {
            var update = await h.NextAsync(events);
            if (update.Balances.Any(b => b.Asset == "USDT" && b.Total == usdt) && update.Balances.Any(b => b.Asset == "BTC" && b.Total == btc)) return;
        }
    }
}
