using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Hosting;
using Trading.Services.Portfolio;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// The distributed mode: the five services as separate `trading service run --name` processes on a real PostgreSQL and a
/// real redis-server (AOF on), trading the simulator in testnet mode, all on loopback. The executor is killed with SIGKILL
/// mid-run and started again, and redis-server is killed and started again; every signal still leads to at most one order
/// at the exchange (the client order id comes from the signal id), every order in the store equals the exchange's, and the
/// books (the stored fills) hold what the exchange's account holds.
/// </summary>
public sealed class DistributedRuntimeTests(PostgresServerFixture postgres) : IAsyncLifetime, IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Order = ["portfolio-manager", "order-executor", "strategy-engine", "bot-supervisor", "data-collector"];
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, RunningCli> _services = [];
    private BinanceSimulator _simulator = null!;
    private RedisServer _redis = null!;
    private string _databaseUrl = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(3000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 600 });
        await _simulator.StartAsync(Ct);
        _redis = await RedisServer.StartAsync(appendOnly: true, Ct);
        _databaseUrl = await postgres.CreateDatabaseAsync("distributed");
        _dir.Write("config/symbols.yaml", "symbols:\n  - { symbol: BTCUSDT, timeframes: [1m] }\n");
        _dir.Write("config/strategies.yaml", "strategies:\n  - { name: rsi, symbols: [BTCUSDT], timeframe: 1m, parameters: { period: 2, quantity: 0.001 } }\n");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Values) await service.DisposeAsync();
        await _redis.DisposeAsync();
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new()
    {
        ["DATABASE_URL"] = _databaseUrl, ["REDIS_URL"] = _redis.Url, ["TRADING_DATA_DIR"] = Path.Combine(_dir.Path, "data"),
        ["TRADING_CONFIG_DIR"] = Path.Combine(_dir.Path, "config"), ["TRADING_MODE"] = "testnet", ["DRY_RUN"] = "false",
        ["RISK_PRICE_GUARD_PCT"] = "0", ["RISK_STOP_LOSS_PCT"] = "0", ["LOG_LEVEL"] = "Information",
        ["BINANCE_API_KEY"] = SimulatorTradingOptions.TestApiKey, ["BINANCE_API_SECRET"] = SimulatorTradingOptions.TestApiSecret,
        ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_URL"] = _simulator.WebSocketUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_API_URL"] = _simulator.WebSocketApiUrl.ToString(),
    };

    [Fact]
    public async Task FiveServiceProcesses_ExecutorAndRedisKilledMidRun_OneOrderPerSignalAndTheBooksEqualTheExchange()
    {
        await using var store = await TradingStoreFactory.OpenAsync(_databaseUrl, Path.Combine(_dir.Path, "data"), Ct);
        foreach (var name in Order)
        {
            Start(name);
            await WhileRunningAsync(async () => await new ServiceStateStore(store.SystemState).GetAsync(name, Ct) is { State: ServiceState.Running });
        }
        await WhileRunningAsync(() => Task.FromResult(Filled() >= 3));

        await KillAsync(_services["order-executor"]);
        var signalsBefore = (await store.Signals.ListAsync(null, 10_000, Ct)).Count;
        await WhileRunningAsync(async () => (await store.Signals.ListAsync(null, 10_000, Ct)).Count >= signalsBefore + 2, except: "order-executor");
        Start("order-executor");
        var filledBefore = Filled();
        await WhileRunningAsync(() => Task.FromResult(Filled() >= filledBefore + 2));
        await _redis.KillAsync();
        await _redis.StartAgainAsync(Ct);
        filledBefore = Filled();
        await WhileRunningAsync(() => Task.FromResult(Filled() >= filledBefore + 2));
        await _services["data-collector"].TerminateAsync(Ct);
        (await _services["data-collector"].WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0);
        await WhileRunningAsync(async () => await EverySignalDecidedAsync(store), except: "data-collector");
        // The running portfolio manager's books (a fill the killed executor stored but never published included) reach the exchange's.
        await WhileRunningAsync(async () => await ManagedPositionAsync(store) == ExchangeBtc(), except: "data-collector");
        foreach (var name in Order.Where(n => n != "data-collector")) await _services[name].TerminateAsync(Ct);
        foreach (var name in Order.Where(n => n != "data-collector")) (await _services[name].WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, _services[name].Error);

        var atExchange = _simulator.Exchange.Orders;
        atExchange.GroupBy(o => o.ClientOrderId).ShouldAllBe(g => g.Count() == 1);
        var stored = await store.Orders.ListAsync(limit: 10_000, ct: Ct);
        foreach (var order in atExchange)
        {
            var mine = stored.Where(o => o.ClientOrderId == order.ClientOrderId).ShouldHaveSingleItem();
            mine.FilledQuantity.ShouldBe(order.ExecutedQuantity,
                $"{order.ClientOrderId}: {string.Join(" → ", (await store.Orders.GetEventsAsync(mine.Id, Ct)).Select(e => $"{e.To} {e.Cause}"))}\n{Logs()}");
        }
        stored.Where(o => o.Status == OrderStatus.Filled).Select(o => o.SignalId).ShouldBeUnique();
        var btc = _simulator.Exchange.Balance("BTC");
        (await ManagedPositionAsync(store)).ShouldBe(btc.Free + btc.Locked);
        // The books are the stored fills (as `portfolio show` replays them); they hold what the exchange's account holds.
        var problems = new List<string>();
        var books = await PortfolioReplay.BuildAsync(store, 10_000m, DateTimeOffset.UtcNow, Ct, problems);
        problems.ShouldBeEmpty();
        books.Quantity(TestCandles.BtcUsdt).ShouldBe(btc.Free + btc.Locked);
        (await new ServiceStateStore(store.SystemState).GetAsync("order-executor", Ct))!.State.ShouldBe(ServiceState.Stopped);
    }

    private decimal ExchangeBtc()
    {
        var btc = _simulator.Exchange.Balance("BTC");
        return btc.Free + btc.Locked;
    }

    private static async Task<decimal> ManagedPositionAsync(ITradingStore store) =>
        (await store.Portfolio.ListPositionsAsync(Ct)).Where(p => p.Symbol == TestCandles.BtcUsdt).Sum(p => p.Quantity);

    private int Filled() => _simulator.Exchange.Orders.Count(o => o.Status == "FILLED");

    /// <summary>Every stored signal has a risk decision (the executor has taken each one) and no order is still on its way.</summary>
    private static async Task<bool> EverySignalDecidedAsync(ITradingStore store)
    {
        var signals = await store.Signals.ListAsync(null, 10_000, Ct);
        var decided = (await store.RiskDecisions.ListAsync(limit: 100_000, ct: Ct)).Select(d => d.SignalId).ToHashSet();
        var inFlight = (await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct: Ct)).Any(o => o.Status is OrderStatus.Created or OrderStatus.Submitted);
        return !inFlight && signals.All(s => decided.Contains(s.Id));
    }

    private void Start(string name) => _services[name] = CliProcess.Start(["service", "run", "--name", name], Environment, _dir.Path);

    private static async Task KillAsync(RunningCli service)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", service.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync(Ct);
        await TestWait.UntilAsync(() => service.HasExited, Timeout, Ct);
    }

    private async Task WhileRunningAsync(Func<Task<bool>> condition, string? except = null)
    {
        var watched = _services.Where(s => s.Key != except).Select(s => s.Value).ToList();
        try
        {
            await TestWait.UntilAsync(async () => watched.Any(s => s.HasExited) || await condition(), Timeout, Ct);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Logs()}", e);
        }
        watched.ShouldAllBe(s => !s.HasExited, Logs());
    }

    private string Logs() => string.Join("\n", _services.Select(s => $"--- {s.Key} (exited: {s.Value.HasExited}):\n{Tail(s.Value.Error)}"));

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];
}
