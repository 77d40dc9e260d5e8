using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Portfolio;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// Any number of processes, one truth: two paper bots fed by the simulator and twelve concurrent `order buy` commands, each
/// its own OS process, on one SQLite file or one PostgreSQL database. The account and the limits hold across all of them.
/// </summary>
public sealed class MultiProcessPaperTests(PostgresServerFixture postgres) : IAsyncLifetime, IClassFixture<PostgresServerFixture>
{
    private const decimal InitialQuote = 10_000m;
    private const decimal MaxPositionFraction = 0.1m;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly OrderStatus[] Terminal =
        [OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Rejected, OrderStatus.Expired, OrderStatus.Failed];

    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(4000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 1200 });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task TwoBotsAndTwelveBuys_OneStore_LimitsHoldAndTheBooksAgree(string engine)
    {
        // Each bot sells only its own sleeve (the allocator), so a bot buying in large steps could fill the symbol's
        // position limit alone and starve the other: small steps keep both trading while the manual buys test the limit.
        var url = engine == "postgresql" ? await postgres.CreateDatabaseAsync("multi") : null;
        var environment = Environment(url);
        await using var store = await TradingStoreFactory.OpenAsync(url, DataDir, Ct);
        await using var botA = Start(environment, "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "1m",
            "--param", "period=2", "--param", "quantity=0.0005", "--mode", "paper", "--name", "bot-a");
        await using var botB = Start(environment, "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "1m",
            "--param", "period=3", "--param", "quantity=0.0008", "--mode", "paper", "--name", "bot-b");
        await RunningCliWait.WhileRunningAsync(async () => (await BotFillsAsync(store, "bot-a")) > 0 && (await BotFillsAsync(store, "bot-b")) > 0, Timeout, Ct, botA, botB);

        var buys = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.006", "--data-dir", DataDir], environment, _dir.Path, Ct)));
        var fillsAfterBuys = (await store.Orders.GetFillsAsync(null, Ct)).Count;
        await RunningCliWait.WhileRunningAsync(async () => (await store.Orders.GetFillsAsync(null, Ct)).Count >= fillsAfterBuys + 2, Timeout, Ct, botA, botB);
        await botA.TerminateAsync(Ct);
        await botB.TerminateAsync(Ct);
        (await botA.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, botA.Error);
        (await botB.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, botB.Error);
        var show = await CliProcess.RunAsync(["portfolio", "show", "--data-dir", DataDir], environment, _dir.Path, Ct);
        var status = await CliProcess.RunAsync(["trade", "status", "--data-dir", DataDir], environment, _dir.Path, Ct);

        buys.ShouldAllBe(b => (b.ExitCode == 0 || b.ExitCode == 1) && !b.Error.Contains("Exception"), string.Join("\n", buys.Select(b => b.Error)));
        await ShouldAgreeAsync(store);
        show.ExitCode.ShouldBe(0, show.Error);
        show.Error.ShouldNotContain("problem:");
        show.Output.ShouldContain("equity");
        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldMatch(@"bot-a\s*│.*│\s*stopped\s*│");
    }

    /// <summary>Orders equal their fills, no history leaves a terminal state, and replaying the fills in booking order never overdraws or oversizes.</summary>
    private static async Task ShouldAgreeAsync(ITradingStore store)
    {
        var orders = await store.Orders.ListAsync(limit: 10_000, ct: Ct);
        var fills = await store.Orders.GetFillsBookedAfterAsync(null, Ct);
        // 0.006 BTC at ~42,000 is ~250 USDT: at most three fit the 1,000 USDT position limit.
        orders.Count(o => o.BotId is null && o.Status == OrderStatus.Filled).ShouldBeLessThanOrEqualTo(3);
        foreach (var order in orders)
        {
            order.FilledQuantity.ShouldBe(fills.Where(f => f.Fill.OrderId == order.Id).Sum(f => f.Fill.Quantity), $"order {order.Id} ({order.Status})");
            var events = await store.Orders.GetEventsAsync(order.Id, Ct);
            var closed = events.Select((e, i) => (e, i)).FirstOrDefault(x => Terminal.Contains(x.e.To));
            if (closed.e is not null) events.Count.ShouldBe(closed.i + 1, $"order {order.Id}: {string.Join(" → ", events.Select(e => e.To))}");
        }

        var held = 0m;
        var cash = InitialQuote;
        foreach (var fill in fills.Select(f => f.Fill))
        {
            held += fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            cash += (fill.Side == OrderSide.Buy ? -1 : 1) * fill.Quantity * fill.Price - fill.Fee;
            held.ShouldBeGreaterThanOrEqualTo(0m, $"after fill {fill.Id}");
            cash.ShouldBeGreaterThanOrEqualTo(0m, $"after fill {fill.Id}");
            // The gate sizes at the decision's price; the fill comes a candle later, so allow for one candle's move.
            if (fill.Side == OrderSide.Buy) (held * fill.Price).ShouldBeLessThanOrEqualTo(MaxPositionFraction * InitialQuote * 1.02m, $"after fill {fill.Id}");
        }
        var problems = new List<string>();
        var account = await PortfolioReplay.BuildAsync(store, InitialQuote, DateTimeOffset.UtcNow, Ct, problems);
        problems.ShouldBeEmpty();
        account.Quantity(TestCandles.BtcUsdt).ShouldBe(held);
        account.Cash.ShouldBe(cash);
    }

    private string DataDir => Path.Combine(_dir.Path, "data");

    private Dictionary<string, string?> Environment(string? databaseUrl) => new(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config")))
    {
        ["DATABASE_URL"] = databaseUrl,
        ["TRADING_MODE"] = "paper",
        ["DRY_RUN"] = "false",
        ["RISK_MAX_POSITION_SIZE"] = MaxPositionFraction.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private RunningCli Start(Dictionary<string, string?> environment, params string[] args) =>
        CliProcess.Start([.. args, "--data-dir", DataDir], environment, _dir.Path);

    private static async Task<int> BotFillsAsync(ITradingStore store, string bot)
    {
        var orders = (await store.Orders.ListAsync(limit: 10_000, ct: Ct)).Where(o => o.BotId == bot).Select(o => o.Id).ToHashSet();
        return (await store.Orders.GetFillsAsync(null, Ct)).Count(f => orders.Contains(f.OrderId));
    }
}
