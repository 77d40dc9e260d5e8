using Shouldly;
using Trading.Binance.Execution;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>The executor in testnet mode against the real Binance simulator on loopback, through <see cref="BinanceVenue"/>.</summary>
public sealed class BinanceVenueTests
{
    private const decimal Quantity = 0.001m;

    /// <summary>Fifty buys of this stay within the position-size limit (10% of 10,000 USDT) and above the minimum notional.</summary>
    private const decimal SmallQuantity = 0.0002m;
    private static readonly BinanceCredentials Credentials = new(SimulatorTradingOptions.TestApiKey, SimulatorTradingOptions.TestApiSecret);

    [Fact]
    public async Task ExecuteAsync_TestnetSignal_OneOrderAtSimulatorStoredFilledWithFee()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartSimulatorAsync();
        using var http = new HttpClient();
        var executor = await CreateExecutorAsync(h, sim, http, new BinanceTradingOptions());

        var outcome = await executor.ExecuteAsync(Request("sig-fee", sim.Close), h.Token).WaitAsync(ExecutionHarness.Timeout, h.Token);

        outcome.Result.ShouldBe(ExecutionResult.Placed, outcome.Reason);
        var clientOrderId = ClientOrderIds.FromSignal("sig-fee");
        var atExchange = sim.Simulator.Exchange.OrdersWithClientId(clientOrderId).ShouldHaveSingleItem();
        var stored = (await h.Store.Orders.GetByClientOrderIdAsync(clientOrderId, h.Token)).ShouldNotBeNull();
        stored.Status.ShouldBe(OrderStatus.Filled);
        stored.FilledQuantity.ShouldBe(Quantity);
        stored.ExchangeOrderId.ShouldBe(atExchange.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var fill = (await h.Store.Orders.GetFillsAsync(stored.Id, h.Token)).ShouldHaveSingleItem();
        fill.Fee.ShouldBe(fill.Quantity * 0.001m, "a buy pays commission in the asset received");
        fill.FeeAsset.ShouldBe("BTC");
        stored.Fees.ShouldBe(fill.Fee);
        stored.AverageFillPrice.ShouldBe(fill.Price);
    }

    /// <summary>
    /// The duplicate-order test: the simulator accepts an order and then closes the connection unanswered, 50 times
    /// over (50 signals, each answer lost, and the first query after it fails with a 5xx), so the loss never depends on how
    /// fast the machine answers a timeout; every signal is delivered twice, each time to
    /// a fresh executor, venue and client on the reopened store (a restart). The simulator ends with exactly one order per
    /// signal, and each order's fill carries its commission although no placement answer ever arrived (GET /api/v3/myTrades).
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_AnswersLostAcrossRestarts_SimulatorHoldsOneOrderPerSignal()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartSimulatorAsync();
        using var http = new HttpClient();
        var lossy = new BinanceTradingOptions { UnknownOutcomeQueries = 0 };
        await WarmUpAsync(sim, http);
        const int signals = 50;
        const int deliveriesPerSignal = 2;
        sim.Simulator.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.DropAfterAccept, Times: signals, ThenHttp: new HttpFault(500, Times: 1)));

        var results = new List<ExecutionResult>();
        for (var s = 0; s < signals; s++)
        {
            for (var d = 0; d < deliveriesPerSignal; d++)
            {
                await h.ReopenStoreAsync();
                var executor = await CreateExecutorAsync(h, sim, http, lossy);
                var outcome = await executor.ExecuteAsync(Request($"sig-{s}", sim.Close, SmallQuantity), h.Token).WaitAsync(ExecutionHarness.Timeout, h.Token);
                results.Add(outcome.Result);
            }
        }
        await h.ReopenStoreAsync();
        await CreateExecutorAsync(h, sim, http, new BinanceTradingOptions());

        results.Count.ShouldBe(signals * deliveriesPerSignal);
        results.Where((_, i) => i % deliveriesPerSignal == 0).ShouldAllBe(r => r == ExecutionResult.Unresolved);
        results.Where((_, i) => i % deliveriesPerSignal != 0).ShouldAllBe(r => r != ExecutionResult.Denied && r != ExecutionResult.DryRun);
        results.ShouldContain(ExecutionResult.Duplicate);
        sim.Simulator.Exchange.PlacementRequests.ShouldBe(signals + 1);
        for (var s = 0; s < signals; s++)
        {
            var clientOrderId = ClientOrderIds.FromSignal($"sig-{s}");
            var atExchange = sim.Simulator.Exchange.OrdersWithClientId(clientOrderId).ShouldHaveSingleItem($"signal {s}");
            var stored = (await h.Store.Orders.GetByClientOrderIdAsync(clientOrderId, h.Token)).ShouldNotBeNull();
            stored.Status.ShouldBe(OrderStatus.Filled, $"signal {s}");
            stored.FilledQuantity.ShouldBe(SmallQuantity);
            var fill = (await h.Store.Orders.GetFillsAsync(stored.Id, h.Token)).ShouldHaveSingleItem();
            fill.Id.ShouldBe($"BTCUSDT-{atExchange.Trades.ShouldHaveSingleItem().TradeId}");
            fill.Fee.ShouldBe(atExchange.Trades[0].Commission);
            fill.Fee.ShouldBeGreaterThan(0m);
        }
        (await h.Store.Orders.ListAsync(false, 100, h.Token)).Count.ShouldBe(signals);
    }

    [Fact]
    public async Task CreateAsync_TestnetRestart_ReconcilesStoreWithExchangeAndReportsDifferences()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartSimulatorAsync();
        using var http = new HttpClient();
        var events = System.Threading.Channels.Channel.CreateUnbounded<SystemEvent>();
        _ = h.Bus.SubscribeAsync(Trading.Core.Messaging.StreamNames.SystemEvents, "test",
            (m, _) => events.Writer.WriteAsync(m.Deserialize<SystemEvent>()), h.Token);
        var executor = await CreateExecutorAsync(h, sim, http, new BinanceTradingOptions());
        var request = Request("sig-rest", sim.Close);
        var resting = request with { Intent = request.Intent with { LimitPrice = sim.Close - 1_000m } };
        (await executor.ExecuteAsync(resting, h.Token)).Order!.Status.ShouldBe(OrderStatus.New);
        var clientOrderId = ClientOrderIds.FromSignal("sig-rest");
        var direct = new BinanceTradingClient(http, Credentials, new BinanceTradingOptions { BaseUrl = sim.Simulator.BaseUrl });
        await direct.CancelOrderAsync(ExecutionHarness.Btc, clientOrderId, h.Token);
        var foreign = new NewOrderRequest(ExecutionHarness.Btc, OrderSide.Buy, OrderType.Limit, Quantity, "foreign-1", sim.Close - 2_000m);
        (await direct.PlaceOrderAsync(foreign, h.Token)).Outcome.ShouldBe(PlacementOutcome.Placed);

        await h.ReopenStoreAsync();
        await CreateExecutorAsync(h, sim, http, new BinanceTradingOptions());

        (await h.Store.Orders.GetByClientOrderIdAsync(clientOrderId, h.Token)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.Cancelled);
        var first = await events.Reader.ReadAsync(h.Token).AsTask().WaitAsync(ExecutionHarness.Timeout, h.Token);
        var second = await events.Reader.ReadAsync(h.Token).AsTask().WaitAsync(ExecutionHarness.Timeout, h.Token);
        first.Kind.ShouldBe(StartupReconciler.EventKind);
        first.Message.ShouldContain(clientOrderId);
        first.Message.ShouldContain("Cancelled");
        second.Message.ShouldContain("foreign-1");
        second.Message.ShouldContain("not in the store");
    }

    private static ExecutionRequest Request(string signalId, decimal price, decimal quantity = Quantity) =>
        ExecutionRequest.FromSignal(ExecutionHarness.BuySignal(signalId, price, quantity));

    private static async Task<OrderExecutor> CreateExecutorAsync(ExecutionHarness h, RunningSimulator sim, HttpClient http, BinanceTradingOptions options)
    {
        var client = new BinanceTradingClient(http, Credentials, options with { BaseUrl = sim.Simulator.BaseUrl });
        var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, new BinanceVenue(client, h.Clock));
        await executor.OnCandleAsync(ExecutionHarness.Bar(0, sim.Close), h.Token);
        return executor;
    }

    /// <summary>One rejected placement first, so a cold server does not outlast the short client timeout before the order exists.</summary>
    private static async Task WarmUpAsync(RunningSimulator sim, HttpClient http)
    {
        var client = new BinanceTradingClient(http, Credentials, new BinanceTradingOptions { BaseUrl = sim.Simulator.BaseUrl });
        var warmUp = new NewOrderRequest(ExecutionHarness.Btc, OrderSide.Buy, OrderType.Market, 0.000001m, "warm-up");
        (await client.PlaceOrderAsync(warmUp, TestContext.Current.CancellationToken)).Outcome.ShouldBe(PlacementOutcome.NotPlaced);
    }

    private static async Task<RunningSimulator> StartSimulatorAsync()
    {
        var candles = TestCandles.Generate(5);
        var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, null));
        await simulator.StartAsync(TestContext.Current.CancellationToken);
        return new RunningSimulator(simulator, candles[^1].Close);
    }

    /// <summary>A started simulator and its current price (the last history close), where market orders fill.</summary>
    private sealed record RunningSimulator(BinanceSimulator Simulator, decimal Close) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Simulator.DisposeAsync();
    }
}
