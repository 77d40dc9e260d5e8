using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Portfolio;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// Protective orders survive a crash: a testnet bot (its own OS process, as `trade start` runs it) buys, its stop-loss and
/// take-profit go to the exchange as an OCO, the bot is killed with kill -9, the simulator's replay drives the price through
/// the stop while it is down, and the restarted bot books the exit without placing anything twice.
/// </summary>
public sealed class ProtectiveOrdersKillTests : IAsyncLifetime
{
    private const int HistoryBars = 30;
    private const decimal Flat = 42_000m;
    private const decimal EntryClose = 41_950m;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly Symbol Btc = TestCandles.BtcUsdt;

    private readonly TempDirectory _dir = new();
    private readonly SemaphoreSlim _bars = new(0);
    private BinanceSimulator _simulator = null!;
    private int _barsAsked;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    /// <summary>
    /// Flat history at 42,000, then three replayed bars, each released by the test: a flat one (the grid's first close); one
    /// that closes at 41,950, under the grid's 42,000 level (the bot buys); one that falls to 40,000, through the 2 % stop
    /// (41,111), and closes back at 41,950, in the same grid zone, so the restarted bot's strategy has no new reason to trade.
    /// </summary>
    private static List<Candle> Candles()
    {
        var candles = Enumerable.Range(0, HistoryBars + 1)
            .Select(i => Bar(i, Flat, Flat + 10m, Flat - 10m, Flat)).ToList();
        candles.Add(Bar(HistoryBars + 1, Flat, Flat + 10m, EntryClose - 10m, EntryClose));
        candles.Add(Bar(HistoryBars + 2, EntryClose, EntryClose + 10m, 40_000m, EntryClose));
        return candles;
    }

    private static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close) =>
        new(Btc, Timeframe.M1, TestCandles.Start + index * 60_000L, open, high, low, close, 50m) { QuoteVolume = 50m * close, TradeCount = 4 };

    public async ValueTask InitializeAsync()
    {
        var candles = Candles();
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[HistoryBars].OpenTimeMs),
            new SimulatorOptions { BeforeEachBar = AwaitReleaseAsync });
        await _simulator.StartAsync(Ct);
    }

    /// <summary>The replay holds each bar until the test releases it, and counts the bars it asked for.</summary>
    private Task AwaitReleaseAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _barsAsked);
        return _bars.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _bars.Release(10);
        await _simulator.DisposeAsync();
        _bars.Dispose();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config"), "Information"))
    {
        ["TRADING_MODE"] = "testnet", ["DRY_RUN"] = "false", ["PROTECTIVE_ORDERS"] = "exchange",
        ["BINANCE_API_KEY"] = Binance.Simulator.Matching.SimulatorTradingOptions.TestApiKey,
        ["BINANCE_API_SECRET"] = Binance.Simulator.Matching.SimulatorTradingOptions.TestApiSecret,
        ["RISK_STOP_LOSS_PCT"] = "2", ["RISK_TAKE_PROFIT_PCT"] = "3",
    };

    private RunningCli StartBot() => CliProcess.Start(["trade", "start", "--strategy", "grid", "--symbol", "BTCUSDT", "--timeframe", "1m",
        "--param", "lower=41900", "--param", "upper=42100", "--param", "grid_count=2", "--param", "quantity=0.01",
        "--mode", "testnet", "--name", "guarded", "--data-dir", DataDir], Environment, _dir.Path);

    /// <summary>The bot warmed up its strategy, backfilled and streams candles, and listens to the account's user data.</summary>
    private async Task AwaitReadyAsync(RunningCli bot, int userDataSubscriptions) =>
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(
            bot.Error.Contains("warmed up with", StringComparison.Ordinal) && bot.Error.Contains("Market stream connected", StringComparison.Ordinal)
            && _simulator.Exchange.TotalUserDataSubscriptions >= userDataSubscriptions), Timeout, Ct, bot);

    [Fact]
    public async Task TestnetBot_KilledWhileTheStopFillsAtTheExchange_RestartBooksTheExitAndPlacesNothingTwice()
    {
        Binance.Simulator.Matching.SimulatedOrder[] legs;
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        await using (var bot = StartBot())
        {
            await AwaitReadyAsync(bot, 1);
            _bars.Release(2);
            await RunningCliWait.WhileRunningAsync(() => Task.FromResult(_simulator.Exchange.OrderLists.Any(l => l.IsOpen)), Timeout, Ct, bot);
            legs = [.. _simulator.Exchange.OrderLists.Single().Orders];
            await RunningCliWait.WhileRunningAsync(async () => (await Task.WhenAll(legs.Select(l => store.Orders.GetByClientOrderIdAsync(l.ClientOrderId, Ct))))
                .All(o => o?.Status == OrderStatus.New), Timeout, Ct, bot);
            // The replay waits at the next bar, past its wait for a listener, so it goes on once the bot is gone.
            await TestWait.UntilAsync(() => Volatile.Read(ref _barsAsked) == 3, Timeout, Ct);
            await SimulatorCliTest.KillAsync(bot.Pid);
        }
        var stop = legs.Single(o => o.TypeName == "STOP_LOSS");
        var target = legs.Single(o => o.TypeName == "LIMIT_MAKER");
        _bars.Release();
        await TestWait.UntilAsync(() => _simulator.Exchange.OrdersWithClientId(stop.ClientOrderId).Single().Status == "FILLED", Timeout, Ct);
        var placementsWhileDown = _simulator.Exchange.PlacementRequests;
        var exchangeOrders = _simulator.Exchange.Orders.Count;

        (await store.Orders.GetByClientOrderIdAsync(stop.ClientOrderId, Ct)).ShouldNotBeNull().Status.ShouldBe(OrderStatus.New, "the bot died before the stop fired");
        await using var restarted = StartBot();
        await RunningCliWait.WhileRunningAsync(async () =>
            (await store.Orders.GetByClientOrderIdAsync(stop.ClientOrderId, Ct))?.Status == OrderStatus.Filled
            && (await store.Orders.GetByClientOrderIdAsync(target.ClientOrderId, Ct))?.Status == OrderStatus.Expired, Timeout, Ct, restarted);
        await AwaitReadyAsync(restarted, 2);
        await restarted.TerminateAsync(Ct);
        var exited = await restarted.WaitForExitAsync(Timeout, Ct);

        exited.ExitCode.ShouldBe(0, exited.Error);
        stop.StopPrice.ShouldBe(41_111m);
        target.Price.ShouldBe(43_208.5m);
        legs.ShouldAllBe(o => o.Quantity == 0.00999m, "the whole position: 0.01 bought, commission 0.00001 BTC");
        placementsWhileDown.ShouldBe(2, "the entry and the OCO");
        _simulator.Exchange.PlacementRequests.ShouldBe(2, "the restarted bot placed nothing");
        _simulator.Exchange.Orders.Count.ShouldBe(exchangeOrders);
        _simulator.Exchange.Orders.Count.ShouldBe(3);
        _simulator.Exchange.OrdersWithClientId(target.ClientOrderId).Single().Status.ShouldBe("EXPIRED");
        _simulator.Exchange.OrderLists.Single().ListOrderStatus.ShouldBe("ALL_DONE");
        (await store.Orders.ListAsync(openOnly: true, limit: 100, Ct)).ShouldBeEmpty();
        var exit = (await store.Orders.GetFillsAsync(null, Ct)).Where(f => f.Side == OrderSide.Sell).ShouldHaveSingleItem();
        exit.Quantity.ShouldBe(0.00999m);
        exit.Price.ShouldBe(_simulator.Exchange.OrdersWithClientId(stop.ClientOrderId).Single().Trades.Single().Price);
        await ShouldEqualTheExchangeAccountAsync(store);
    }

    /// <summary>The portfolio rebuilt from the store (fills and adjustments) holds what /api/v3/account holds, and the position is flat.</summary>
    private async Task ShouldEqualTheExchangeAccountAsync(ITradingStore store)
    {
        var problems = new List<string>();
        var account = await PortfolioReplay.BuildAsync(store, 10_000m, DateTimeOffset.UtcNow, Ct, problems);
        problems.ShouldBeEmpty();
        var usdt = _simulator.Exchange.Balance("USDT");
        var btc = _simulator.Exchange.Balance("BTC");
        account.Quantity(Btc).ShouldBe(0m);
        btc.Free.ShouldBe(0m);
        btc.Locked.ShouldBe(0m);
        account.Cash.ShouldBe(usdt.Free + usdt.Locked);
        account.Cash.ShouldBeLessThan(10_000m, "the stop sold at a loss");
    }
}
