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

/// <summary>The testnet executor and portfolio services on the bus, over a venue pointed at a started simulator.</summary>
internal sealed class TestnetRun : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly Channel<Fill> _booked = Channel.CreateUnbounded<Fill>();
    private OrderExecutorService _executorService = null!;
    private PortfolioManagerService _portfolioService = null!;

    public ExecutionHarness H { get; private init; } = null!;

    public BinanceSimulator Sim { get; private init; } = null!;

    public Binance.Orders.BinanceTradingClient Client { get; private set; } = null!;

    public OrderExecutor Executor { get; private set; } = null!;

    public PortfolioTracker Tracker { get; private set; } = null!;

    public UserDataRouter Router { get; private set; } = null!;

    public static async Task<TestnetRun> StartAsync(IReadOnlyList<Candle> candles, long? replayFromMs)
    {
        var h = await ExecutionHarness.CreateAsync();
        var sim = new BinanceSimulator(new SimulatedMarket().Add(candles, replayFromMs));
        await sim.StartAsync(h.Token);
        var run = new TestnetRun { H = h, Sim = sim };
        run.Client = ExecutionHarness.SimulatorClient(run._http, sim);
        var venue = new BinanceVenue(run.Client, h.Clock, "binance-testnet")
        {
            UserData = new BinanceUserDataStream(ExecutionHarness.SimulatorCredentials, new UserDataStreamOptions { WebSocketApiUrl = sim.WebSocketApiUrl }, run.Client.Clock),
        };
        var options = new ExecutionOptions { Mode = ExecutionMode.Testnet };
        var settings = h.Settings with { BinanceBaseUrl = sim.BaseUrl.ToString() };
        run._executorService = new OrderExecutorService(settings, options, h.Store, h.Bus, h.Clock, NullLogger<OrderExecutorService>.Instance, h.Health, venue);
        run._portfolioService = new PortfolioManagerService(h.Settings, options, h.Store, h.Bus, h.Clock, NullLogger<PortfolioManagerService>.Instance, venue);
        run._portfolioService.FillBooked += fill => run._booked.Writer.TryWrite(fill);
        await run._executorService.StartAsync(h.Token);
        await run._portfolioService.StartAsync(h.Token);
        run.Executor = await run._executorService.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);
        run.Tracker = await run._portfolioService.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);
        run.Router = run._executorService.UserData.ShouldNotBeNull();
        return run;
    }

    public ValueTask SignalAsync(string id, OrderSide side, decimal price, decimal quantity) =>
        H.Bus.PublishAsync(StreamNames.Signals, SignalMessages.Create(ExecutionHarness.BuySignal(id, price, quantity) with { Side = side }, H.Clock.GetUtcNow()), H.Token);

    public async Task WaitForStatusAsync(string signalId, OrderStatus status)
    {
        var id = ClientOrderIds.FromSignal(signalId);
        while (true)
        {
            var order = await H.NextAsync(H.Orders);
            if (order.ClientOrderId == id && order.Status == status) return;
            order.Status.ShouldNotBeOneOf(OrderStatus.Rejected, OrderStatus.Failed);
        }
    }

    /// <summary>Waits until the portfolio has booked <paramref name="count"/> fills.</summary>
    public async Task WaitForBookedAsync(int count)
    {
        for (var i = 0; i < count; i++) await H.NextAsync(_booked);
    }

    public async ValueTask DisposeAsync()
    {
        await _executorService.StopAsync(CancellationToken.None);
        await _portfolioService.StopAsync(CancellationToken.None);
        await Sim.DisposeAsync();
        _http.Dispose();
        await H.DisposeAsync();
    }
}
