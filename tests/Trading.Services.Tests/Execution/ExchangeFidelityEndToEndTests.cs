using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Binance.Execution;
using Trading.Binance.Simulator;
using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// Testnet against the simulator where it now behaves like Binance with money: commission in the asset received, and
/// resting limits that fill in parts on thin bars. The executor, the portfolio and the exchange must agree throughout.
/// </summary>
public sealed class ExchangeFidelityEndToEndTests
{
    private static readonly Symbol Btc = ExecutionHarness.Btc;

    [Fact]
    public async Task Testnet_BuyThenSellTheBoughtQuantity_SellsTheStepRoundedFreeBalanceAndPortfolioEqualsAccount()
    {
        var candles = TestCandles.Generate(30);
        await using var run = await TestnetRun.StartAsync(candles, replayFromMs: null);
        var price = candles[^1].Close;
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(0, price), run.H.Token);

        await run.SignalAsync("fee-buy", OrderSide.Buy, price, 0.001m);
        await run.WaitForStatusAsync("fee-buy", OrderStatus.Filled);
        run.Sim.Exchange.Balance("BTC").Free.ShouldBe(0.000999m, "the commission came out of the BTC received");
        await run.SignalAsync("fee-sell", OrderSide.Sell, price, 0.001m);
        await run.WaitForStatusAsync("fee-sell", OrderStatus.Filled);
        await run.WaitForBookedAsync(2);

        var sell = run.Sim.Exchange.OrdersWithClientId(ClientOrderIds.FromSignal("fee-sell")).ShouldHaveSingleItem();
        sell.Quantity.ShouldBe(0.00099m, "the free 0.000999 rounded down to the 0.00001 step");
        var account = await run.Client.GetAccountAsync(run.H.Token);
        run.Tracker.Account.Cash.ShouldBe(account.Balance("USDT").Free + account.Balance("USDT").Locked);
        run.Tracker.Account.Quantity(Btc).ShouldBe(account.Balance("BTC").Free + account.Balance("BTC").Locked);
        run.Tracker.Account.Quantity(Btc).ShouldBe(0.000009m, "the dust below the step stays");
    }

    [Fact]
    public async Task Testnet_RestingLimitOnThinBars_ExecutorPortfolioAndUserDataAgreeOnEveryPartialFill()
    {
        var history = TestCandles.Generate(10);
        var thin = Enumerable.Range(10, 4).Select(i => new Candle(Btc, Timeframe.M1, TestCandles.Start + i * 60_000L,
            41_050m, 41_060m, 40_990m, 41_040m, 0.004m)).ToList();
        await using var run = await TestnetRun.StartAsync([.. history, .. thin], replayFromMs: thin[0].OpenTimeMs);
        var trades = Channel.CreateUnbounded<OrderUpdate>();
        run.Router.Handled += update => { if (update is BinanceOrderReport { Report: { ExecutionType: "TRADE" } t }) trades.Writer.TryWrite(t); };
        await run.Executor.OnCandleAsync(ExecutionHarness.Bar(0, history[^1].Close), run.H.Token);

        var resting = await run.Executor.ExecuteAsync(new ExecutionRequest("thin", new OrderIntent(Btc, OrderSide.Buy, 0.01m, 41_000m, history[^1].Close)), run.H.Token);
        resting.Order.ShouldNotBeNull().Status.ShouldBe(OrderStatus.New, resting.Reason);
        await run.H.ReplayAsync(run.Sim);
        var events = new List<OrderUpdate>();
        for (var i = 0; i < 3; i++) events.Add(await run.H.NextAsync(trades));
        await run.WaitForStatusAsync("thin", OrderStatus.Filled);
        await run.WaitForBookedAsync(3);

        events.Select(e => e.LastFill!.Quantity).ShouldBe([0.004m, 0.004m, 0.002m]);
        events.Select(e => e.Status).ShouldBe([OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled]);
        var stored = (await run.H.Store.Orders.GetByClientOrderIdAsync(ClientOrderIds.FromSignal("thin"), run.H.Token)).ShouldNotBeNull();
        stored.FilledQuantity.ShouldBe(0.01m);
        var fills = await run.H.Store.Orders.GetFillsAsync(stored.Id, run.H.Token);
        fills.Select(f => f.Quantity).Order().ShouldBe([0.002m, 0.004m, 0.004m]);
        fills.Select(f => f.Id).Order().ShouldBe(events.Select(e => $"BTCUSDT-{e.LastFill!.TradeId}").Order());
        fills.ShouldAllBe(f => f.Price == 41_000m && f.FeeAsset == "BTC");
        var btc = run.Sim.Exchange.Balance("BTC");
        var usdt = run.Sim.Exchange.Balance("USDT");
        run.Tracker.Account.Quantity(Btc).ShouldBe(btc.Free + btc.Locked);
        run.Tracker.Account.Quantity(Btc).ShouldBe(0.01m - 0.00001m);
        run.Tracker.Account.Cash.ShouldBe(usdt.Free + usdt.Locked);
    }
}
