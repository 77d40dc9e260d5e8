using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Binance;
using Trading.Binance.Execution;
using Trading.Binance.Orders;
using Trading.Binance.RateLimiting;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.MarketData;
using Trading.Services.Portfolio;
using Trading.Services.Strategies;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Benchmarks;

/// <summary>
/// What `trading run` hosts in embedded mode, wired by hand around the Binance simulator on 127.0.0.1: the collector on the
/// simulator's kline WebSocket, SQLite, the in-process bus, the strategy engine, the order executor in testnet mode
/// (BinanceVenue → BinanceTradingClient over HTTP) and the portfolio manager. Every terminal order state releases <see cref="OrderDone"/>.
/// </summary>
internal sealed class LatencyPipeline : IAsyncDisposable
{
    private const decimal StartingQuote = 1_000_000m;
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _marketHttp = new();
    private readonly HttpClient _tradingHttp;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _services = [];
    private ITradingStore? _store;
    private LatencyBuses? _buses;
    private Task? _collector;

    private LatencyPipeline(int bars, LatencyProbes probes)
    {
        _tradingHttp = new HttpClient(new StampingHandler(this));
        Candles = TestCandles.Generate(bars);
        Simulator = new BinanceSimulator(new SimulatedMarket().Add(Candles, Candles[0].OpenTimeMs), new SimulatorOptions
        {
            StreamAfterBackfill = true,
            // Like the client's budget below: Binance's 6,000 weight per minute is ~30 s of this suite. Left on, the simulator
            // answered the 6,001st order of a clock minute with 429, and the client then held every request until the minute turned.
            WeightLimitPerMinute = int.MaxValue,
            BeforeEachBar = probes.BeforeEachBarAsync,
            RequestArrived = probes.OnRequest,
            Trading = new SimulatorTradingOptions
            {
                // One order per bar is ~200 orders/s: Binance's 100 orders per 10 s held every 101st order for the rest of the window.
                OrdersPer10Seconds = int.MaxValue,
                OrdersPerDay = int.MaxValue,
                StartingBalances = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = StartingQuote, ["BTC"] = 0m },
            },
        });
    }

    public List<Candle> Candles { get; }

    public static WarningRecorder Warnings { get; } = new();

    /// <summary>Warnings and errors of the services are kept for the miss report, and go to stderr too when BENCH_LOG=1.</summary>
    private static ILoggerFactory Logs { get; } = LoggerFactory.Create(b =>
    {
        b.ClearProviders().AddProvider(Warnings).SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("BENCH_LOG") == "1") b.AddSimpleConsole(o => o.SingleLine = true);
    });

    public BinanceRequestBudget RequestBudget => BinanceRequestBudget.For(Simulator.BaseUrl);

    public ITradingStore Store => _store ?? throw new InvalidOperationException("not started");

    /// <summary>The id of the strategy's latest signal and the open time of its candle; the collector's latest stored bar.</summary>
    public string? LastSignalId { get; private set; }

    public long LastSignalOpenMs { get; private set; }

    public long LastStoredOpenMs => _lastStored.OpenTimeMs;

    private Candle _lastStored;

    public BinanceSimulator Simulator { get; }

    public SemaphoreSlim OrderDone { get; } = new(0);

    public int NotFilled { get; private set; }

    public static ILoggerFactory Loggers => Logs;

    /// <summary>
    /// Starts everything on <paramref name="buses"/> (which it then owns; the in-process bus when null); <paramref name="breakdown"/>
    /// adds consumers that stamp the candle and the signal on the bus.
    /// </summary>
    public static async Task<LatencyPipeline> StartAsync(int bars, LatencyProbes probes, bool breakdown, LatencyBuses? buses = null)
    {
        var pipeline = new LatencyPipeline(bars, probes) { _buses = buses ?? LatencyBuses.InProcess(Logs) };
        await pipeline.StartAsync(probes, breakdown);
        return pipeline;
    }

    private async Task StartAsync(LatencyProbes probes, bool breakdown)
    {
        var ct = _stop.Token;
        var buses = _buses!;
        await Simulator.StartAsync(ct);
        // The client keeps Binance's 6,000 request weight per minute and waits silently for the next minute once it is spent;
        // this suite sends ~200 orders/s, so without this every ~35 s one bar stalled for the rest of the minute.
        BinanceRequestBudget.For(Simulator.BaseUrl).WeightLimit = int.MaxValue;
        BinanceRequestBudget.For(Simulator.BaseUrl).Orders.LimitPer10Seconds = int.MaxValue;
        _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, ct);
        var symbol = TestCandles.BtcUsdt;
        await _store.Bots.SaveAsync(new BotDefinition { Id = "bench", Strategy = AlternatingStrategy.StrategyName, Symbols = [symbol.Name], Status = BotStatuses.Running }, ct);
        var settings = new TradingSettings { BinanceBaseUrl = Simulator.BaseUrl.ToString().TrimEnd('/') }; // testnet reads exchangeInfo at start
        var options = new ExecutionOptions { Mode = ExecutionMode.Testnet, InitialQuoteBalance = StartingQuote };

        var registry = new StrategyRegistry();
        registry.TryRegister(() => new AlternatingStrategy(this), "benchmark");
        var engine = new StrategyEngineService(registry, _store, buses.For("strategy-engine"), TimeProvider.System, Logs.CreateLogger<StrategyEngineService>());
        var health = new MarketConnectionHealth(TimeProvider.System);
        var client = new BinanceTradingClient(_tradingHttp, new BinanceCredentials(SimulatorTradingOptions.TestApiKey, SimulatorTradingOptions.TestApiSecret),
            new BinanceTradingOptions { BaseUrl = Simulator.BaseUrl }, logger: Logs.CreateLogger<BinanceTradingClient>());
        var executor = new OrderExecutorService(settings, options, _store, buses.For("order-executor"), TimeProvider.System, Logs.CreateLogger<OrderExecutorService>(),
            health, new BinanceVenue(client, TimeProvider.System, "binance-simulator"));
        var portfolio = new PortfolioManagerService(settings, options, _store, buses.For("portfolio-manager"), TimeProvider.System, Logs.CreateLogger<PortfolioManagerService>());
        _services.AddRange([engine, executor, portfolio]);
        var bus = buses.For("bench");
        _ = bus.SubscribeAsync(StreamNames.Orders, "bench", (message, _) => OnOrder(message.Deserialize<Order>()), ct);
        if (breakdown)
        {
            _ = bus.SubscribeAsync(StreamNames.Candles(symbol), "bench", (_, _) => { CandleSeen = System.Diagnostics.Stopwatch.GetTimestamp(); return ValueTask.CompletedTask; }, ct);
            _ = bus.SubscribeAsync(StreamNames.Signals, "bench", (_, _) => { SignalSeen = System.Diagnostics.Stopwatch.GetTimestamp(); return ValueTask.CompletedTask; }, ct);
        }
        await engine.StartAsync(ct);
        await executor.StartAsync(ct);
        await portfolio.StartAsync(ct);
        await engine.Ready;
        await executor.Ready;
        await portfolio.Ready;

        var marketData = new BinanceMarketDataClient(_marketHttp, new BinanceClientOptions { BaseUrl = Simulator.BaseUrl }, logger: Logs.CreateLogger<BinanceMarketDataClient>());
        var collector = new CandleCollector(marketData, probes.Wrap(_store.Candles, candle => _lastStored = candle), buses.For("data-collector"), health, new CollectorOptions
        {
            Series = [(symbol, Timeframe.M1)], WebSocketUrl = Simulator.WebSocketUrl, BackfillFromMs = Candles[0].OpenTimeMs,
        }, Logs.CreateLogger<CandleCollector>());
        _collector = collector.RunAsync(ct);
    }

    /// <summary>Stopwatch ticks when the bench's own consumers last saw a candle, a signal and a Submitted order on the bus.</summary>
    public long CandleSeen { get; private set; }

    public long SignalSeen { get; private set; }

    public long SubmittedSeen { get; private set; }

    /// <summary>Stopwatch ticks when the trading client last handed POST /api/v3/order to its HttpClient.</summary>
    public long OrderHandedToHttp { get; private set; }

    private sealed class StampingHandler(LatencyPipeline pipeline) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post) pipeline.OrderHandedToHttp = System.Diagnostics.Stopwatch.GetTimestamp();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private ValueTask OnOrder(Order order)
    {
        if (order.Status == OrderStatus.Submitted) SubmittedSeen = System.Diagnostics.Stopwatch.GetTimestamp();
        if (order.IsOpen) return ValueTask.CompletedTask;
        if (order.Status != OrderStatus.Filled) NotFilled++;
        OrderDone.Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_collector is not null) await _collector.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var service in _services) service.Dispose();
        if (_buses is not null) await _buses.DisposeAsync();
        await Simulator.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        _marketHttp.Dispose();
        _tradingHttp.Dispose();
        _stop.Dispose();
        _dir.Dispose();
    }

    /// <summary>Buys 0.001 on one closed candle and sells it on the next, so every candle becomes one filled market order.</summary>
    private sealed class AlternatingStrategy(LatencyPipeline pipeline) : StrategyBase
    {
        public const string StrategyName = "alternating";
        private bool _sell;

        public override string Name => StrategyName;
        public override IReadOnlyList<StrategyParameter> Parameters => [];

        public override Signal? OnCandle(in Candle candle, StrategyContext context)
        {
            var side = _sell ? OrderSide.Sell : OrderSide.Buy;
            _sell = !_sell;
            var signal = CreateSignal(candle, context, side, 0.001m, 50, "benchmark");
            pipeline.LastSignalId = signal.Id;
            pipeline.LastSignalOpenMs = candle.OpenTimeMs;
            return signal;
        }
    }
}
