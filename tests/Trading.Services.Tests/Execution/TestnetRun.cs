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

    private ExecutionPolicy? _policy;

    /// <summary>Starts the simulator and the services; <paramref name="policy"/> is the executor's (local protective exits by default).</summary>
    public static async Task<TestnetRun> StartAsync(IReadOnlyList<Candle> candles, long? replayFromMs, ExecutionPolicy? policy = null)
    {
        var h = await ExecutionHarness.CreateAsync();
        var sim = new BinanceSimulator(new SimulatedMarket().Add(candles, replayFromMs));
        await sim.StartAsync(h.Token);
        var run = new TestnetRun { H = h, Sim = sim, _policy = policy };
        await run.StartServicesAsync();
        return run;
    }

    /// <summary>
    /// The bot dies and comes back: its services stop (nothing of theirs survives but the store) and new ones, with a new
    /// client and venue, start on the same store and simulator, reconciling at start-up as a restarted process does.
    /// </summary>
    public async Task StopServicesAsync()
    {
        await _executorService.StopAsync(CancellationToken.None);
        await _portfolioService.StopAsync(CancellationToken.None);
    }

    public async Task StartServicesAsync()
    {
        Client = ExecutionHarness.SimulatorClient(_http, Sim);
        var venue = new BinanceVenue(Client, H.Clock, "binance-testnet")
        {
            UserData = new BinanceUserDataStream(ExecutionHarness.SimulatorCredentials, new UserDataStreamOptions { WebSocketApiUrl = Sim.WebSocketApiUrl }, Client.Clock),
        };
        var options = new ExecutionOptions { Mode = ExecutionMode.Testnet, Policy = _policy ?? new ExecutionPolicy() };
        var settings = H.Settings with { BinanceBaseUrl = Sim.BaseUrl.ToString() };
        _executorService = new OrderExecutorService(settings, options, H.Store, H.Bus, H.Clock, NullLogger<OrderExecutorService>.Instance, H.Health, venue);
        _portfolioService = new PortfolioManagerService(H.Settings, options, H.Store, H.Bus, H.Clock, NullLogger<PortfolioManagerService>.Instance, venue);
        _portfolioService.FillBooked += fill => _booked.Writer.TryWrite(fill);
        await _executorService.StartAsync(H.Token);
        await _portfolioService.StartAsync(H.Token);
        Executor = await _executorService.Ready.WaitAsync(ExecutionHarness.Timeout, H.Token);
        Tracker = await _portfolioService.Ready.WaitAsync(ExecutionHarness.Timeout, H.Token);
        Router = _executorService.UserData.ShouldNotBeNull();
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

    /// <summary>Waits until the portfolio books a fill of the order <paramref name="orderId"/>.</summary>
    public async Task<Fill> WaitForBookedAsync(string orderId)
    {
        while (true)
        {
            var fill = await H.NextAsync(_booked);
            if (fill.OrderId == orderId) return fill;
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
