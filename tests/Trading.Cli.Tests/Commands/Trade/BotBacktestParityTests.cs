using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// One kernel, three environments: each built-in, with protective stops and targets on, trades the same candles as a
/// backtest, as a paper bot fed by the simulator's replay over WebSocket, and as a testnet bot against the simulator.
/// The paper bot makes exactly the backtest's fills; the testnet bot sends the same orders at the same candles.
/// </summary>
public sealed class BotBacktestParityTests : IAsyncLifetime
{
    private const string StopLossPct = "0.4";
    private const string TakeProfitPct = "0.5";
    private const int Bars = 600;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();
    private List<Candle> _candles = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var source = Path.Combine(_dir.Path, "source");
        await using var store = await TradingStoreFactory.OpenAsync(null, source);
        await new CandleImporter(store.Candles, TimeProvider.System).ImportAsync([Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2023-01-14.zip")]);
        _candles = (await SimulatedMarket.ReadStoreAsync(store.Candles, Ct)).Take(Bars).ToList();
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string> Strategies => ["rsi", "grid", "sma_crossover", "mean_reversion", "supertrend", "squeeze", "regime_switch"];

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task PaperBot_SameCandlesAsBacktest_IdenticalFillsAndBalances(string strategy)
    {
        var run = await RunBotAsync(strategy, "paper", []);
        var backtest = Backtest(strategy, run.Candles);

        var paper = run.Fills.Select(Describe).ToList();
        var expected = backtest.Fills.Select(Describe).ToList();
        expected.Count(f => f.Time <= run.SurelyHandled).ShouldBeGreaterThan(1, $"{strategy} should trade in {run.Candles.Count} candles");
        paper.Count.ShouldBeGreaterThanOrEqualTo(expected.Count(f => f.Time <= run.SurelyHandled));
        paper.ShouldBe(expected.Take(paper.Count).ToList());
        run.Cash.ShouldBe(CashAfter(backtest.Fills.Take(paper.Count)));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task TestnetBot_SameCandlesAsBacktest_SameOrdersInTheSameSequence(string strategy)
    {
        var run = await RunBotAsync(strategy, "testnet", new Dictionary<string, string?>
        {
            ["BINANCE_API_KEY"] = "sim-test-api-key", ["BINANCE_API_SECRET"] = "sim-test-api-secret", ["DRY_RUN"] = "false",
            ["TRADING_MODE"] = "testnet",
            // The kernel's own exits, as the backtest fires them; exchange-side OCO protection (the testnet default) is a
            // different order path, tested in ProtectiveOrdersCrashTests.
            ["PROTECTIVE_ORDERS"] = "local",
        });
        var backtest = Backtest(strategy, run.Candles);

        var sent = run.Orders.Select(o => $"{o.Side} {Normal(o.Quantity)} {o.Type}").ToList();
        var decided = backtest.Fills.Select(f => (f.Time, Text: $"{f.Side} {Normal(f.Quantity)} {(f.OrderId.StartsWith("SIM-EXIT", StringComparison.Ordinal) && f.IsMaker ? OrderType.Limit : OrderType.Market)}")).ToList();
        decided.Count(o => o.Time <= run.SurelyHandled).ShouldBeGreaterThan(1);
        sent.Count.ShouldBeGreaterThanOrEqualTo(decided.Count(o => o.Time <= run.SurelyHandled));
        var common = Math.Min(sent.Count, decided.Count); // the backtest's last order may have no candle left to fill on
        sent.Take(common).ShouldBe(decided.Take(common).Select(o => o.Text).ToList());
    }

    private static (DateTimeOffset Time, string Text) Describe(Fill fill) =>
        (fill.Time, $"{fill.Time:O} {fill.Side} {Normal(fill.Quantity)} @ {Normal(fill.Price)} fee {Normal(fill.Fee)} maker {fill.IsMaker}");

    /// <summary>The value without trailing zeros: the store keeps a decimal's value, not its scale.</summary>
    private static string Normal(decimal value) => (value / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static decimal CashAfter(IEnumerable<Fill> fills) =>
        fills.Aggregate(10_000m, (cash, f) => f.Side == OrderSide.Buy ? cash - f.Notional - f.Fee : cash + f.Notional - f.Fee);

    private static BacktestResult Backtest(string strategy, IReadOnlyList<Candle> candles)
    {
        var settings = new BacktestSettings
        {
            FeeBps = 10m, SlippageBps = 2m,
            RiskLimits = new RiskLimits { MaxPositionFraction = 1m, DailyLossLimitPct = 100m, MaxDrawdownPct = 100m, PriceMoveGuardPct = null },
            Policy = new ExecutionPolicy { StopLossPct = decimal.Parse(StopLossPct), TakeProfitPct = decimal.Parse(TakeProfitPct) },
        };
        return new BacktestEngine().Run(BuiltInStrategies.CreateRegistry().Create(strategy), new BacktestData([.. candles]), settings);
    }

    private async Task<BotRun> RunBotAsync(string strategy, string mode, Dictionary<string, string?> extra)
    {
        var dataDir = Path.Combine(_dir.Path, $"{strategy}-{mode}");
        // The backtester charges commission in the quote asset and models no spread; Binance (and the simulator by default)
        // charges it in the asset received, making each sell 0.00001 smaller, and a buy pays half the spread, moving the
        // protective levels. Order-for-order parity compares the kernel, so the fill models match here.
        var quoteFees = new Binance.Simulator.Matching.SimulatorTradingOptions { CommissionInReceivedAsset = false, SpreadBps = 0m };
        await using var simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles, _candles[0].OpenTimeMs), new SimulatorOptions { Speed = 3000, Trading = quoteFees });
        await simulator.StartAsync(Ct);
        var environment = new Dictionary<string, string?>(RunningCliWait.SimulatorEnvironment(simulator, Path.Combine(_dir.Path, "config")))
        {
            ["RISK_MAX_POSITION_SIZE"] = "1", ["RISK_DAILY_LOSS_LIMIT_PCT"] = "100", ["RISK_MAX_DRAWDOWN_PCT"] = "100", ["RISK_PRICE_GUARD_PCT"] = "0",
            ["RISK_STOP_LOSS_PCT"] = StopLossPct, ["RISK_TAKE_PROFIT_PCT"] = TakeProfitPct,
            ["PAPER_FEE_BPS"] = "10", ["PAPER_SLIPPAGE_BPS"] = "2",
        };
        foreach (var (key, value) in extra) environment[key] = value;
        await using var bot = CliProcess.Start(["trade", "start", "--strategy", strategy, "--symbol", "BTCUSDT", "--timeframe", "1m",
            "--mode", mode, "--name", "parity", "--data-dir", dataDir], environment, _dir.Path);
        var last = _candles[^1];
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(bot.Output.Contains("bot parity:", StringComparison.Ordinal)), Timeout, Ct, bot);
        await using var store = await TradingStoreFactory.ConnectAsync(null, dataDir, Ct);
        await RunningCliWait.WhileRunningAsync(async () => (await store.Candles.GetLatestAsync(last.Symbol, last.Timeframe, Ct))?.OpenTimeMs == last.OpenTimeMs, Timeout, Ct, bot);
        await bot.TerminateAsync(Ct);
        (await bot.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, bot.Error);

        var candles = await SimulatedMarket.ReadStoreAsync(store.Candles, Ct);
        var orders = (await store.Orders.ListAsync(limit: 10_000, ct: Ct)).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        var fills = (await store.Orders.GetFillsAsync(null, Ct)).OrderBy(f => f.Time).ToList();
        var account = await Services.Portfolio.PortfolioReplay.BuildAsync(store, 10_000m, DateTimeOffset.UtcNow, Ct);
        return new BotRun(candles, orders, fills, account.Cash, candles[^HandlingMargin].CloseTime);
    }

    /// <summary>The bot is stopped once its collector stored the last candle: the strategy may not have seen the last few yet.</summary>
    private const int HandlingMargin = 10;

    private sealed record BotRun(List<Candle> Candles, List<Core.Model.Order> Orders, List<Fill> Fills, decimal Cash, DateTimeOffset SurelyHandled);
}
