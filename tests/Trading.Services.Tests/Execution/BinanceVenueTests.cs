using Shouldly;
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
        fill.Fee.ShouldBe(fill.Price * fill.Quantity * 0.001m);
        fill.FeeAsset.ShouldBe("USDT");
        stored.Fees.ShouldBe(fill.Fee);
        stored.AverageFillPrice.ShouldBe(fill.Price);
    }

    /// <summary>
    /// The simulator accepts each order and times the answer out, and the follow-up queries fail with 5xx a few times:
    /// 50 deliveries of 5 signals, each with a fresh executor, venue and client on the reopened store (a restart).
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_AnswersLostAcrossRestarts_SimulatorHoldsOneOrderPerSignal()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await using var sim = await StartSimulatorAsync();
        using var http = new HttpClient();
        var lossy = new BinanceTradingOptions { RequestTimeout = TimeSpan.FromMilliseconds(500), UnknownOutcomeQueries = 0 };
        await WarmUpAsync(sim, http);
        const int signals = 5;
        const int deliveriesPerSignal = 10;
        sim.Simulator.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.TimeoutAfterAccept, Times: signals, ThenHttp: new HttpFault(500, Times: 3)));

        var results = new List<ExecutionResult>();
        for (var s = 0; s < signals; s++)
        {
            for (var d = 0; d < deliveriesPerSignal; d++)
            {
                await h.ReopenStoreAsync();
                var executor = await CreateExecutorAsync(h, sim, http, lossy);
                var outcome = await executor.ExecuteAsync(Request($"sig-{s}", sim.Close), h.Token).WaitAsync(ExecutionHarness.Timeout, h.Token);
                results.Add(outcome.Result);
            }
        }

        results.Count.ShouldBe(signals * deliveriesPerSignal);
        results.ShouldAllBe(r => r == ExecutionResult.Placed || r == ExecutionResult.Unresolved || r == ExecutionResult.Duplicate);
        results.Count(r => r == ExecutionResult.Unresolved).ShouldBeGreaterThanOrEqualTo(signals);
        results.Count(r => r == ExecutionResult.Duplicate).ShouldBeGreaterThan(0);
        sim.Simulator.Exchange.PlacementRequests.ShouldBe(signals + 1);
        for (var s = 0; s < signals; s++)
        {
            var clientOrderId = ClientOrderIds.FromSignal($"sig-{s}");
            sim.Simulator.Exchange.OrdersWithClientId(clientOrderId).Count.ShouldBe(1, $"signal {s}");
            var stored = (await h.Store.Orders.GetByClientOrderIdAsync(clientOrderId, h.Token)).ShouldNotBeNull();
            stored.Status.ShouldBe(OrderStatus.Filled, $"signal {s}");
            stored.FilledQuantity.ShouldBe(Quantity);
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
        var resting = Request("sig-rest", sim.Close) with { LimitPrice = sim.Close - 1_000m };
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

    private static ExecutionRequest Request(string signalId, decimal price) =>
        ExecutionRequest.FromSignal(ExecutionHarness.BuySignal(signalId, price, Quantity));

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
