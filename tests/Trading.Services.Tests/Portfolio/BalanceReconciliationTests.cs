using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.Services.Tests.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Portfolio;

/// <summary>Balances of the store, the executor and the portfolio manager reconciled with the simulator's GET /api/v3/account.</summary>
public sealed class BalanceReconciliationTests
{
    private static readonly Symbol Btc = ExecutionHarness.Btc;

    [Fact]
    public async Task CreateAsync_TestnetExchangeHoldsOtherBalances_FixedInAccountAndStoreAndReportedOnce()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 12_345.5m, ["BTC"] = 0.25m, ["BNB"] = 3m };
        await using var sim = await StartAsync(balances);
        using var http = new HttpClient();
        var events = Channel.CreateUnbounded<SystemEvent>();
        _ = h.Bus.SubscribeAsync(StreamNames.SystemEvents, "test", (m, _) => events.Writer.WriteAsync(m.Deserialize<SystemEvent>()), h.Token);

        var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, h.SimulatorVenue(http, sim));

        executor.Market.Account.Cash.ShouldBe(12_345.5m);
        executor.Market.Account.Quantity(Btc).ShouldBe(0.25m);
        executor.Market.Account.DailyPnl.ShouldBe(0m);
        var stored = await h.Store.Portfolio.GetBalancesAsync(h.Token);
        stored["USDT"].Free.ShouldBe(12_345.5m);
        stored["BTC"].Free.ShouldBe(0.25m);
        stored["BNB"].Free.ShouldBe(3m);
        var reports = new[] { await h.NextAsync(events), await h.NextAsync(events), await h.NextAsync(events) };
        reports.ShouldAllBe(e => e.Kind == BalanceReconciler.EventKind);
        reports[0].Message.ShouldBe("USDT: the portfolio had 10000, the exchange has 12345.5: adjusted by 2345.5");
        reports[1].Message.ShouldBe("BTC: the portfolio had 0, the exchange has 0.25: adjusted by 0.25");
        reports[2].Message.ShouldBe("BNB (not traded): the store had 0, the exchange has 3: store updated");

        await h.ReopenStoreAsync();
        var restarted = await h.CreateExecutorAsync(ExecutionMode.Testnet, h.SimulatorVenue(http, sim));
        restarted.Market.Account.Cash.ShouldBe(12_345.5m);
        restarted.Market.Account.Quantity(Btc).ShouldBe(0.25m);
        (await new BalanceAdjustments(h.Store.SystemState).LoadAsync(h.Token)).Count.ShouldBe(2);
        (await StartupReconciler.ReconcileAsync(h.Store, h.Bus, restarted.Venue!, restarted, h.Clock, NullLogger.Instance, h.Token, [Btc])).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_AnOrderOutcomeStillUnknown_BalancesLeftAloneAndReported()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 9_000m };
        await using var sim = await StartAsync(balances);
        using var http = new HttpClient();
        var now = h.Clock.GetUtcNow();
        var pending = new Order
        {
            Id = "in-doubt", ClientOrderId = "in-doubt", Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.01m, CreatedAt = now, UpdatedAt = now,
        };
        var submitted = Core.Execution.OrderStateMachine.Submit(pending, now);
        await h.Store.Orders.SaveAsync(submitted.Order, submitted.Event, h.Token);

        var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, h.SimulatorVenue(http, sim));
        var differences = await StartupReconciler.ReconcileAsync(h.Store, h.Bus, executor.Venue!, executor, h.Clock, NullLogger.Instance, h.Token, [Btc]);

        executor.Market.Account.Cash.ShouldBe(10_000m);
        (await new BalanceAdjustments(h.Store.SystemState).LoadAsync(h.Token)).ShouldBeEmpty();
        differences.ShouldContain(d => d.StartsWith("balances not reconciled: the outcome of 1 order(s) is still unknown (in-doubt)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PortfolioBalanceCheck_DepositAtExchange_FixedOnceAndKeptAfterRebuild()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartAsync(null);
        using var http = new HttpClient();
        var tracker = new PortfolioTracker(h.Store, 10_000m);
        await tracker.InitializeAsync(h.Clock.GetUtcNow(), h.Token);
        await sim.Exchange.DepositAsync("BTC", 0.1m, h.Token);
        var check = new PortfolioBalanceCheck(h.SimulatorVenue(http, sim), h.Store, h.Bus, h.Clock, NullLogger.Instance) { SettleDelay = TimeSpan.Zero };

        var fixes = await check.RunAsync(tracker, [Btc], (action, _) => new ValueTask(action()), h.Token);

        fixes.ShouldHaveSingleItem().ShouldStartWith("BTC: the portfolio had 0, the exchange has 0.1");
        tracker.Account.Quantity(Btc).ShouldBe(0.1m);
        (await h.Store.Portfolio.ListPositionsAsync(h.Token)).Single(p => p.Symbol == Btc).Quantity.ShouldBe(0.1m);
        (await check.RunAsync(tracker, [Btc], (action, _) => new ValueTask(action()), h.Token)).ShouldBeEmpty();
        var rebuilt = new PortfolioTracker(h.Store, 10_000m);
        await rebuilt.InitializeAsync(h.Clock.GetUtcNow(), h.Token);
        rebuilt.Account.Quantity(Btc).ShouldBe(0.1m);
    }

    [Fact]
    public async Task PortfolioBalanceCheck_FillArrivesDuringSettle_NoAdjustment()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartAsync(null);
        using var http = new HttpClient();
        var tracker = new PortfolioTracker(h.Store, 10_000m);
        await tracker.InitializeAsync(h.Clock.GetUtcNow(), h.Token);
        var client = ExecutionHarness.SimulatorClient(http, sim);
        var placed = (await client.PlaceOrderAsync(new NewOrderRequest(Btc, OrderSide.Buy, OrderType.Market, 0.01m, "in-flight"), h.Token)).Order!;
        var fill = placed.Fills.Single().ToFill("in-flight", Btc, OrderSide.Buy, h.Clock.GetUtcNow());
        var check = new PortfolioBalanceCheck(h.SimulatorVenue(http, sim), h.Store, h.Bus, h.Clock, NullLogger.Instance) { SettleDelay = TimeSpan.Zero };
        var passes = 0;

        var fixes = await check.RunAsync(tracker, [Btc], async (action, ct) =>
        {
            await action();
            if (++passes == 1) await tracker.OnFillAsync(fill, ct);
        }, h.Token);

        passes.ShouldBe(2);
        fixes.ShouldBeEmpty();
        (await new BalanceAdjustments(h.Store.SystemState).LoadAsync(h.Token)).ShouldBeEmpty();
        tracker.Account.Quantity(Btc).ShouldBe(0.00999m, "0.01 less the commission in BTC");
        tracker.Account.Cash.ShouldBe(sim.Exchange.Balance("USDT").Free);
    }

    private static async Task<BinanceSimulator> StartAsync(Dictionary<string, decimal>? balances)
    {
        var trading = balances is null ? new SimulatorTradingOptions() : new SimulatorTradingOptions { StartingBalances = balances };
        var sim = new BinanceSimulator(new SimulatedMarket().Add(TestCandles.Generate(5)), new SimulatorOptions { Trading = trading });
        await sim.StartAsync(TestContext.Current.CancellationToken);
        return sim;
    }
}
