using System.Collections.Concurrent;
using Trading.Binance;
using Trading.Binance.Simulator;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.MarketData;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.MarketData;

/// <summary>
/// The collector wired to real parts: the Binance simulator on loopback, the SQLite store in a temp directory and the
/// in-process bus. <see cref="Published"/> records every closed candle published on candles.BTCUSDT.
/// </summary>
public sealed class CollectorHarness : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("collector-").FullName;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _allPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITradingStore? _store;
    private Task? _run;
    private Task? _subscription;

    public CollectorHarness(int bars, int historyBars, TimeProvider? collectorTime = null)
    {
        Candles = TestCandles.Generate(bars);
        Simulator = new BinanceSimulator(
            new SimulatedMarket().Add(Candles, Candles[historyBars].OpenTimeMs),
            new SimulatorOptions { StreamAfterBackfill = true, PingInterval = TimeSpan.FromMilliseconds(100), PongTimeout = TimeSpan.FromMilliseconds(2500) });
        CollectorTime = collectorTime ?? TimeProvider.System;
        Health = new MarketConnectionHealth(CollectorTime);
        Health.Changed += (_, connected) => HealthChanges.Enqueue(connected);
    }

    public List<Candle> Candles { get; }

    public BinanceSimulator Simulator { get; }

    public TimeProvider CollectorTime { get; }

    public MarketConnectionHealth Health { get; }

    public ConcurrentQueue<bool> HealthChanges { get; } = new();

    public ConcurrentQueue<Candle> Published { get; } = new();

    public ConcurrentQueue<Candle> OpenUpdates { get; } = new();

    public InProcessMessageBus Bus { get; } = new();

    public RecordingLogger<CandleCollector> Log { get; } = new();

    public CandleCollector Collector { get; private set; } = null!;

    public ICandleStore Store => _store!.Candles;

    public async Task StartAsync(CancellationToken ct)
    {
        await Simulator.StartAsync(ct);
        _store = await TradingStoreFactory.OpenAsync(null, _dir, ct);
        var client = new BinanceMarketDataClient(_http, new BinanceClientOptions
        {
            BaseUrl = Simulator.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(10), TotalTimeout = TimeSpan.FromSeconds(30),
        });
        Collector = new CandleCollector(client, Store, Bus, Health, new CollectorOptions
        {
            Series = [(TestCandles.BtcUsdt, Timeframe.M1)],
            WebSocketUrl = Simulator.WebSocketUrl,
            BackfillFromMs = Candles[0].OpenTimeMs,
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        }, Log, CollectorTime);

        var last = Candles[^1].OpenTimeMs;
        _subscription = Bus.SubscribeAsync(StreamNames.Candles(TestCandles.BtcUsdt), "test", (message, _) =>
        {
            var candle = message.Deserialize<CandleMessage>().ToCandle();
            Published.Enqueue(candle);
            if (candle.OpenTimeMs == last) _allPublished.TrySetResult();
            return ValueTask.CompletedTask;
        }, _stop.Token);
        _ = Bus.SubscribeAsync(StreamNames.OpenCandles(TestCandles.BtcUsdt), "test", (message, _) =>
        {
            OpenUpdates.Enqueue(message.Deserialize<CandleMessage>().ToCandle());
            return ValueTask.CompletedTask;
        }, _stop.Token);
        _run = Collector.RunAsync(_stop.Token);
    }

    /// <summary>Completes once the last candle the simulator serves has been published.</summary>
    public Task AllPublishedAsync(TimeSpan timeout, CancellationToken ct) =>
        Task.WhenAny(_allPublished.Task, _run!).Unwrap().WaitAsync(timeout, ct);

    public async Task<List<Candle>> ReadStoreAsync(CancellationToken ct)
    {
        var rows = new List<Candle>();
        await foreach (var candle in Store.ReadAsync(TestCandles.BtcUsdt, Timeframe.M1, 0, long.MaxValue, ct)) rows.Add(candle);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null) await _run.WaitAsync(TimeSpan.FromSeconds(10));
        await Simulator.DisposeAsync();
        await Bus.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
