using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Messaging;
using Trading.Services.Strategies;
using Trading.TestInfrastructure;
using Trading.Storage;

namespace Trading.Services.Tests.Strategies;

/// <summary>A real SQLite store and in-process bus around a real engine, with channels collecting what it publishes.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const long StartMs = 1_672_531_200_000; // 2023-01-01T00:00Z
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly Symbol Btc = new("BTCUSDT");

    private readonly TempDirectory _dataDir;
    private readonly CancellationTokenSource _cts = new();
    private StrategyEngineService? _engine;

    private EngineHarness(TempDirectory dataDir, ITradingStore store)
    {
        _dataDir = dataDir;
        Store = store;
    }

    public ITradingStore Store { get; }

    public InProcessMessageBus Bus { get; } = new();

    public Channel<Signal> Signals { get; } = Channel.CreateUnbounded<Signal>();

    public Channel<BotStatusMessage> Statuses { get; } = Channel.CreateUnbounded<BotStatusMessage>();

    public static async Task<EngineHarness> CreateAsync()
    {
        var dataDir = new TempDirectory();
        return new EngineHarness(dataDir, await TradingStoreFactory.OpenAsync(null, dataDir.Path, TestContext.Current.CancellationToken));
    }

    public static Candle Bar(int minute, decimal open, decimal close) =>
        Candle.Create(Btc, Timeframe.M1, StartMs + (minute * 60_000L), open, Math.Max(open, close), Math.Min(open, close), close, 1);

    public Task SaveBotAsync(string id, string strategy, params (string Name, string Value)[] parameters) =>
        Store.Bots.SaveAsync(new BotDefinition
        {
            Id = id, Strategy = strategy, Symbols = [Btc.Name], Timeframe = "1m", Status = BotStatuses.Running,
            Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
        }, _cts.Token);

    public async Task StartAsync(StrategyRegistry registry, StrategyEngineScope? scope = null)
    {
        _ = Bus.SubscribeAsync(StreamNames.Signals, "test", (m, _) => Signals.Writer.WriteAsync(m.Deserialize<Signal>()), _cts.Token);
        _ = Bus.SubscribeAsync(StreamNames.BotStatus, "test", (m, _) => Statuses.Writer.WriteAsync(m.Deserialize<BotStatusMessage>()), _cts.Token);
        _engine = new StrategyEngineService(registry, Store, Bus, TimeProvider.System, NullLogger<StrategyEngineService>.Instance, scope);
        await _engine.StartAsync(_cts.Token);
        await _engine.Ready.WaitAsync(Timeout, _cts.Token);
    }

    /// <summary>Publishes a closed candle; <paramref name="id"/> overrides the deterministic message id (to get past bus dedupe).</summary>
    public ValueTask PublishAsync(Candle candle, string? id = null) =>
        Bus.PublishAsync(StreamNames.Candles(candle.Symbol),
            MessageEnvelope.Create(CandleMessage.ClosedType, CandleMessage.From(candle, true), DateTimeOffset.UnixEpoch, id: id ?? CandleMessage.ClosedId(candle)), _cts.Token);

    public async Task<T> NextAsync<T>(Channel<T> channel) => await channel.Reader.ReadAsync(_cts.Token).AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null) await _engine.StopAsync(CancellationToken.None);
        await _cts.CancelAsync();
        await Bus.DisposeAsync();
        await Store.DisposeAsync();
        _cts.Dispose();
        _engine?.Dispose();
        _dataDir.Dispose();
    }
}
