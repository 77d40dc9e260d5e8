using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Binance.Execution;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.MarketData;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>A real SQLite store and in-process bus; builds executors (again, to simulate restarts) on them.</summary>
internal sealed class ExecutionHarness : IAsyncDisposable
{
    public const long StartMs = 1_767_225_600_000; // 2026-01-01T00:00Z
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly Symbol Btc = new("BTCUSDT");

    private readonly TempDirectory _dataDir;
    private readonly CancellationTokenSource _cts = new();

    private ExecutionHarness(TempDirectory dataDir, ITradingStore store)
    {
        _dataDir = dataDir;
        Store = store;
    }

    public ITradingStore Store { get; private set; }

    public InProcessMessageBus Bus { get; } = new();

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(StartMs));

    public MarketConnectionHealth Health { get; } = new();

    /// <summary>Symbols beyond BTCUSDT/ETHUSDT (generic filters), for tests that need several independent order books.</summary>
    public static readonly string[] ExtraSymbols = ["XRPUSDT", "SOLUSDT", "ADAUSDT"];

    public TradingSettings Settings => new() { DataDir = _dataDir.Path, Symbols = [.. ExtraSymbols.Select(s => new SymbolConfig(s, ["1m"]))] };

    public Channel<Order> Orders { get; } = Channel.CreateUnbounded<Order>();

    public Channel<Fill> Fills { get; } = Channel.CreateUnbounded<Fill>();

    public CancellationToken Token => _cts.Token;

    public static async Task<ExecutionHarness> CreateAsync()
    {
        var dir = new TempDirectory();
        var harness = new ExecutionHarness(dir, await TradingStoreFactory.OpenAsync(null, dir.Path, TestContext.Current.CancellationToken));
        harness.Health.SetConnected();
        _ = harness.Bus.SubscribeAsync(StreamNames.Orders, "test", (m, _) => harness.Orders.Writer.WriteAsync(m.Deserialize<Order>()), harness.Token);
        _ = harness.Bus.SubscribeAsync(StreamNames.Fills, "test", (m, _) => harness.Fills.Writer.WriteAsync(m.Deserialize<Fill>()), harness.Token);
        return harness;
    }

    public Task<OrderExecutor> CreateExecutorAsync(ExecutionMode mode, IExecutionVenue? venue = null) =>
        ExecutorFactory.CreateAsync(Store, Bus, new ExecutionOptions { Mode = mode }, ExecutorFactory.LimitsFrom(Settings),
            SymbolDirectory.Offline(Settings), Clock, NullLogger.Instance, Health, venue, Token);

    /// <summary>A paper executor on <paramref name="store"/> (another connection to the same store stands for another process).</summary>
    public Task<OrderExecutor> CreatePaperExecutorAsync(ITradingStore store, ExecutionPolicy? policy = null) =>
        ExecutorFactory.CreateAsync(store, Bus, new ExecutionOptions { Mode = ExecutionMode.Paper, Policy = policy ?? new ExecutionPolicy() },
            ExecutorFactory.LimitsFrom(Settings), SymbolDirectory.Offline(Settings), Clock, NullLogger.Instance, Health, ct: Token);

    /// <summary>Closes and reopens the store, as a process restart would.</summary>
    public async Task ReopenStoreAsync()
    {
        await Store.DisposeAsync();
        Store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Token);
    }

    public static Candle Bar(int minute, decimal price) =>
        Candle.Create(Btc, Timeframe.M1, StartMs + (minute * 60_000L), price, price + 10, price - 10, price, 1);

    public static Signal BuySignal(string id, decimal price, decimal quantity = 0.01m) => new()
    {
        Id = id, Strategy = "test", Symbol = Btc, Side = OrderSide.Buy, Price = price, Quantity = quantity,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(StartMs),
    };

    public ValueTask PublishCandleAsync(Candle candle) =>
        Bus.PublishAsync(StreamNames.Candles(candle.Symbol),
            MessageEnvelope.Create(CandleMessage.ClosedType, CandleMessage.From(candle, true), candle.CloseTime, id: CandleMessage.ClosedId(candle)), Token);

    public async Task<T> NextAsync<T>(Channel<T> channel) => await channel.Reader.ReadAsync(Token).AsTask().WaitAsync(Timeout, Token);

    public async Task<Order> NextOrderAsync(OrderStatus status)
    {
        while (true)
        {
            var order = await NextAsync(Orders);
            if (order.Status == status) return order;
        }
    }

    /// <summary>The simulator's test key and secret.</summary>
    public static readonly Binance.Orders.BinanceCredentials SimulatorCredentials =
        new(Binance.Simulator.Matching.SimulatorTradingOptions.TestApiKey, Binance.Simulator.Matching.SimulatorTradingOptions.TestApiSecret);

    /// <summary>A trading client for <paramref name="sim"/>, signed with its test key.</summary>
    public static Binance.Orders.BinanceTradingClient SimulatorClient(HttpClient http, Binance.Simulator.BinanceSimulator sim) =>
        new(http, SimulatorCredentials, new Binance.Orders.BinanceTradingOptions { BaseUrl = sim.BaseUrl });

    /// <summary>A testnet venue over a trading client signed with the simulator's test key.</summary>
    public BinanceVenue SimulatorVenue(HttpClient http, Binance.Simulator.BinanceSimulator sim) => new(SimulatorClient(http, sim), Clock);

    /// <summary>Listens to the simulator's kline stream until it has replayed every bar (its price moves through them).</summary>
    public async Task ReplayAsync(Binance.Simulator.BinanceSimulator sim)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.WebSocketUrl, $"/stream?streams={sim.Market.Series.Single().StreamName}"), Token);
        var buffer = new byte[8192];
        var drain = Task.Run(async () =>
        {
            while ((await socket.ReceiveAsync(buffer, Token)).MessageType != System.Net.WebSockets.WebSocketMessageType.Close)
            {
            }
        }, Token);
        await sim.ReplayCompletion.WaitAsync(Timeout, Token);
        socket.Abort();
        await drain.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await Bus.DisposeAsync();
        await Store.DisposeAsync();
        _cts.Dispose();
        _dataDir.Dispose();
    }
}
