using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Storage;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service.Parity;

/// <summary>
/// One replay of the same candles, in testnet mode against a fresh simulator, through `trading service run`: embedded (one
/// process, SQLite, the in-process bus) when no database URL is given, otherwise distributed (the five services as separate
/// processes on that PostgreSQL database and a fresh redis-server). The replay is stepped by <see cref="SettledPipeline"/>.
/// </summary>
internal sealed class ParityRun : IAsyncDisposable
{
    public const int Bars = 24;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Services = ["portfolio-manager", "order-executor", "strategy-engine", "bot-supervisor", "data-collector"];
    private readonly TempDirectory _dir = new();
    private readonly List<RunningCli> _processes = [];
    private readonly string? _databaseUrl;
    private readonly BinanceSimulator _simulator;
    private RedisServer? _redis;
    private ITradingStore? _store;

    private ParityRun(string? databaseUrl)
    {
        _databaseUrl = databaseUrl;
        var candles = TestCandles.Generate(Bars);
        var pipeline = new SettledPipeline(() => _simulator!, () => _store!);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs),
            new SimulatorOptions { StreamAfterBackfill = true, BeforeEachBar = pipeline.BeforeEachBarAsync });
        Pipeline = pipeline;
    }

    private SettledPipeline Pipeline { get; }

    private string DataDir => Path.Combine(_dir.Path, "data");

    /// <summary>Replays the candles, waits until the last one is settled, stops every process cleanly and reads the outcome.</summary>
    public static async Task<ParityOutcome> ReplayAsync(string? databaseUrl, CancellationToken ct)
    {
        await using var run = new ParityRun(databaseUrl);
        return await run.RunAsync(ct);
    }

    private async Task<ParityOutcome> RunAsync(CancellationToken ct)
    {
        await _simulator.StartAsync(ct);
        if (_databaseUrl is not null) _redis = await RedisServer.StartAsync(appendOnly: false, ct);
        _dir.Write("config/symbols.yaml", "symbols:\n  - { symbol: BTCUSDT, timeframes: [1m] }\n");
        _dir.Write("config/strategies.yaml", $"strategies:\n  - {{ name: {FlipStrategyPlugin.Name}, symbols: [BTCUSDT], timeframe: 1m }}\n");
        _dir.Write($"strategies/{FlipStrategyPlugin.Name}.cs", FlipStrategyPlugin.Source);
        _store = await TradingStoreFactory.OpenAsync(_databaseUrl, DataDir, ct);
        if (_databaseUrl is null) Start(["service", "run"]);
        else
        {
            foreach (var name in Services)
            {
                Start(["service", "run", "--name", name]);
                await WhileRunningAsync(async () => await new ServiceStateStore(_store.SystemState).GetAsync(name, ct) is { State: ServiceState.Running }, ct);
            }
        }
        await WhileRunningAsync(() => Pipeline.IsSettledAsync(Bars, ct), ct);
        var outcome = await ParityOutcome.ReadAsync(_store, _simulator, ct);
        foreach (var process in _processes) await process.TerminateAsync(ct);
        foreach (var process in _processes) (await process.WaitForExitAsync(Timeout, ct)).ExitCode.ShouldBe(0, process.Error);
        return outcome;
    }

    private Dictionary<string, string?> Environment
    {
        get
        {
            var environment = new Dictionary<string, string?>(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config"), "Information"))
            {
                ["TRADING_DATA_DIR"] = DataDir, ["TRADING_STRATEGIES_DIR"] = Path.Combine(_dir.Path, "strategies"), ["TRADING_API_PORT"] = "0",
                ["TRADING_MODE"] = "testnet", ["DRY_RUN"] = "false", ["RISK_PRICE_GUARD_PCT"] = "0", ["RISK_STOP_LOSS_PCT"] = "0",
                ["BINANCE_API_KEY"] = SimulatorTradingOptions.TestApiKey, ["BINANCE_API_SECRET"] = SimulatorTradingOptions.TestApiSecret,
            };
            if (_databaseUrl is null) return environment;
            environment["DATABASE_URL"] = _databaseUrl;
            environment["REDIS_URL"] = _redis!.Url;
            return environment;
        }
    }

    private void Start(string[] args) => _processes.Add(CliProcess.Start(args, Environment, _dir.Path));

    private Task WhileRunningAsync(Func<Task<bool>> condition, CancellationToken ct) =>
        RunningCliWait.WhileRunningAsync(condition, Timeout, ct, [.. _processes]);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }
}
