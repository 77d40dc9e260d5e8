using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Strategies;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Benchmarks;

/// <summary>
/// `execution-latency` suite: a closed candle published on candles.BTCUSDT (where the collector publishes) → strategy
/// engine → signal on the bus → order executor (risk gate, SQLite writes) → the order request reaching the venue
/// (a paper venue behind a timing wrapper). One candle at a time; p50/p99 over N candles. Usage: execution-latency [N].
/// </summary>
public static class ExecutionLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
        const int warmUp = 200;
        using var dir = new TempDirectory();
        await using var store = await TradingStoreFactory.OpenAsync(null, dir.Path);
        await using var bus = new InProcessMessageBus();
        using var cts = new CancellationTokenSource();
        var symbol = new Symbol("BTCUSDT");
        await store.Bots.SaveAsync(new BotDefinition { Id = "bench", Strategy = EveryCandleStrategy.StrategyName, Symbols = [symbol.Name], Status = BotStatuses.Running });

        var registry = new StrategyRegistry();
        registry.TryRegister(() => new EveryCandleStrategy(), "benchmark");
        using var engine = new StrategyEngineService(registry, store, bus, TimeProvider.System, NullLogger<StrategyEngineService>.Instance);
        var paper = new PaperVenue(new FillModel(), 1_000_000_000m, [(symbol, Services.Execution.SymbolDirectory.Offline(new TradingSettings())[symbol], 0m)]);
        var timing = new TimingVenue(paper);
        var options = new ExecutionOptions { Mode = ExecutionMode.Testnet, InitialQuoteBalance = 1_000_000_000m };
        using var executor = new OrderExecutorService(new TradingSettings(), options, store, bus, TimeProvider.System,
            NullLogger<OrderExecutorService>.Instance, exchangeVenue: timing);
        _ = bus.SubscribeAsync(StreamNames.Candles(symbol), "bench-paper", (m, ct) => paper.OnCandleAsync(m.Deserialize<CandleMessage>().ToCandle(), ct), cts.Token);
        await engine.StartAsync(cts.Token);
        await executor.StartAsync(cts.Token);
        await engine.Ready;
        await executor.Ready;

        var latencies = new List<double>(count);
        // Candles open after "now": the paper venue fills an order only on candles opening after it was submitted.
        var start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 + 1) * 60_000;
        var missed = 0;
        for (var i = 0; i < count + warmUp; i++)
        {
            var price = 60_000m + (i % 100);
            var candle = Candle.Create(symbol, Timeframe.M1, start + (i * 60_000L), price, price + 5, price - 5, price, 1);
            var published = Stopwatch.GetTimestamp();
            await bus.PublishAsync(StreamNames.Candles(symbol), MessageEnvelope.Create(CandleMessage.ClosedType, CandleMessage.From(candle, true), candle.CloseTime, id: CandleMessage.ClosedId(candle)), cts.Token);
            if (!await timing.Arrived.WaitAsync(TimeSpan.FromSeconds(2), cts.Token)) { missed++; continue; }
            if (i >= warmUp) latencies.Add(Stopwatch.GetElapsedTime(published, timing.LastArrival).TotalMilliseconds);
        }
        await cts.CancelAsync();
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"candle publish → order at venue, {latencies.Count} orders ({missed} candles without an order): p50 {Pct(latencies, 0.50):F3} ms, p90 {Pct(latencies, 0.90):F3} ms, p99 {Pct(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms"));
        return 0;
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>Stamps the moment each order request reaches the venue, then forwards it.</summary>
    private sealed class TimingVenue(PaperVenue inner) : IExecutionVenue
    {
        public SemaphoreSlim Arrived { get; } = new(0);
        public long LastArrival { get; private set; }
        public string Name => "timed-paper";
        public void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink) => inner.Attach(sink);

        public Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct)
        {
            LastArrival = Stopwatch.GetTimestamp();
            Arrived.Release();
            return inner.PlaceAsync(submitted, ct);
        }

        public Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct) => inner.QueryAsync(stored, ct);
        public Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct) => inner.CancelAsync(stored, ct);
    }

    /// <summary>Buys 0.001 at every closed candle, so every candle should become one order.</summary>
    private sealed class EveryCandleStrategy : StrategyBase
    {
        public const string StrategyName = "every_candle";
        public override string Name => StrategyName;
        public override IReadOnlyList<StrategyParameter> Parameters => [];
        public override Signal? OnCandle(in Candle candle, StrategyContext context) =>
            CreateSignal(candle, context, OrderSide.Buy, 0.001m, 50, "benchmark");
    }
}
