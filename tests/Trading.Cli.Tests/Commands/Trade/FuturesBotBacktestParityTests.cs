using System.Globalization;
using Shouldly;
using Trading.Binance.Filters;
using Trading.Binance.Simulator;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// One kernel for futures too: a shorting strategy trades the same candles as a USDⓈ-M backtest (leverage 3, a stated funding
/// rate), as a paper bot (<c>trade start --market usdm</c>) fed by the simulator's replay, and as a testnet bot against the
/// simulator's /fapi. The paper bot books exactly the backtest's fills and funding and ends with its wallet; the testnet bot
/// sends the same orders in the same sequence.
/// </summary>
public sealed class FuturesBotBacktestParityTests : IAsyncLifetime
{
    private const int Leverage = 3;
    private const decimal FundingRate = 0.0001m;
    private const int Bars = 600;
    private const int HandlingMargin = 10;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();
    private List<Candle> _candles = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, Path.Combine(_dir.Path, "source"));
        await new CandleImporter(store.Candles, TimeProvider.System).ImportAsync([Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2023-01-14.zip")]);
        _candles = (await SimulatedMarket.ReadStoreAsync(store.Candles, Ct)).Take(Bars).ToList();
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string> Strategies => ["sma_crossover", "supertrend"];

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task PaperBot_SameCandlesAsFuturesBacktest_IdenticalFillsFundingAndWallet(string strategy)
    {
        var run = await RunBotAsync(strategy, "paper", ["--funding-rate", FundingRate.ToString(CultureInfo.InvariantCulture)], []);
        var backtest = Backtest(strategy, run.Candles);

        var expected = backtest.Fills.Select(f => Describe(f.Time, f.Side, f.Quantity, f.Price, f.Fee)).ToList();
        var paper = run.Fills.Select(f => Describe(f.Time, f.Side, f.Quantity, f.Price, f.Fee)).ToList();
        expected.Count(f => f.Time <= run.SurelyHandled).ShouldBeGreaterThan(2, $"{strategy} should trade in {run.Candles.Count} candles");
        backtest.Futures!.Shorts.ShouldBeGreaterThan(0, $"{strategy} should open a short");
        paper.Count.ShouldBeGreaterThanOrEqualTo(expected.Count(f => f.Time <= run.SurelyHandled));
        paper.ShouldBe(expected.Take(paper.Count).ToList());
        run.Orders.Count(o => o.ReduceOnly).ShouldBeGreaterThan(0);
        run.Orders.ShouldAllBe(o => o.Leverage == Leverage && o.PositionSide == PositionSide.Both);

        var lastFill = run.Fills.Count == 0 ? DateTimeOffset.MinValue : run.Fills[^1].Time;
        var payments = backtest.Futures.Payments.Where(p => p.Time <= run.Candles[^1].CloseTime).ToList();
        run.Funding.Select(f => (f.Time, f.Amount)).ShouldBe(payments.Select(p => (p.Time, p.Amount)).Take(run.Funding.Count).ToList());
        run.Wallet.ShouldBe(WalletAfter(backtest, paper.Count, lastFill, run.Funding.Count));
        run.Funding.ShouldNotBeEmpty($"{strategy} should hold a position through the 08:00 settlement");
        run.Show.ShouldContain("USDⓈ-M futures");
        run.Show.ShouldContain($"futures wallet {run.Wallet:0.00} USDT");
        foreach (var position in run.Positions)
        {
            run.Show.ShouldContain(position.SideName);
            run.Show.ShouldContain($"{Leverage}x");
        }
    }

    [Fact]
    public async Task TestnetBot_SameCandlesAsFuturesBacktest_SameOrdersInTheSameSequence()
    {
        var run = await RunBotAsync("sma_crossover", "testnet", [], new Dictionary<string, string?>
        {
            ["BINANCE_API_KEY"] = "sim-test-api-key", ["BINANCE_API_SECRET"] = "sim-test-api-secret", ["DRY_RUN"] = "false", ["TRADING_MODE"] = "testnet",
        });
        var backtest = Backtest("sma_crossover", run.Candles);

        var sent = run.Orders.Select(o => $"{o.Side} {Normal(o.Quantity)} reduceOnly {o.ReduceOnly}").ToList();
        var decided = backtest.Fills.Select((f, i) => (f.Time, Text: $"{f.Side} {Normal(f.Quantity)} reduceOnly {IsReducing(backtest.Fills, i)}")).ToList();
        decided.Count(o => o.Time <= run.SurelyHandled).ShouldBeGreaterThan(2);
        sent.Count.ShouldBeGreaterThanOrEqualTo(decided.Count(o => o.Time <= run.SurelyHandled));
        var common = Math.Min(sent.Count, decided.Count);
        sent.Take(common).ShouldBe(decided.Take(common).Select(o => o.Text).ToList());
        run.Orders.ShouldAllBe(o => o.Status == OrderStatus.Filled && o.ExchangeOrderId != null);
    }

    /// <summary>A fill reduces when it goes against the position the fills before it built.</summary>
    private static bool IsReducing(IReadOnlyList<Fill> fills, int index)
    {
        var position = fills.Take(index).Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity);
        return position != 0 && Math.Sign(position) != (fills[index].Side == OrderSide.Buy ? 1 : -1);
    }

    /// <summary>
    /// The wallet the backtest's own records give after the same bookings: the deposit, less the fees of the first
    /// <paramref name="fills"/> fills, plus the PnL before fees of its trades closed by then, plus the first funding payments.
    /// </summary>
    private static decimal WalletAfter(BacktestResult backtest, int fills, DateTimeOffset lastFill, int payments)
    {
        var fees = backtest.Fills.Take(fills).Sum(f => f.Fee);
        var realized = backtest.Futures!.Trades.Where(t => DateTimeOffset.FromUnixTimeMilliseconds(t.Trade.ExitTimeMs) <= lastFill)
            .Sum(t => t.Trade.Pnl + t.Trade.Fees - t.Funding);
        return 10_000m - fees + realized + backtest.Futures.Payments.Take(payments).Sum(p => p.Amount);
    }

    private static (DateTimeOffset Time, string Text) Describe(DateTimeOffset time, OrderSide side, decimal quantity, decimal price, decimal fee) =>
        (time, $"{time:O} {side} {Normal(quantity)} @ {Normal(price)} fee {Normal(fee)}");

    private static string Normal(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static BacktestResult Backtest(string strategy, IReadOnlyList<Candle> candles)
    {
        var settings = new BacktestSettings
        {
            FeeBps = 10m, SlippageBps = 2m, Filters = SpotFilterSnapshot.Find(new Symbol("BTCUSDT"))!.Filters,
            Futures = new FuturesBacktestSettings
            {
                Leverage = Leverage, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(FundingRate), SpotCandlesStandIn = true,
                RiskLimits = new FuturesRiskLimits { MaxLeverage = Leverage },
            },
        };
        return new BacktestEngine().Run(BuiltInStrategies.CreateRegistry().Create(strategy), new BacktestData([.. candles]), settings);
    }

    private async Task<BotRun> RunBotAsync(string strategy, string mode, string[] futuresArguments, Dictionary<string, string?> extra)
    {
        var dataDir = Path.Combine(_dir.Path, $"{strategy}-{mode}");
        await using var simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles, _candles[0].OpenTimeMs), new SimulatorOptions { Speed = 3000 });
        await simulator.StartAsync(Ct);
        var environment = new Dictionary<string, string?>(RunningCliWait.SimulatorEnvironment(simulator, Path.Combine(_dir.Path, "config")))
        {
            ["RISK_FUTURES_MAX_LEVERAGE"] = Leverage.ToString(CultureInfo.InvariantCulture), ["PAPER_FEE_BPS"] = "10", ["PAPER_SLIPPAGE_BPS"] = "2",
        };
        foreach (var (key, value) in extra) environment[key] = value;
        await using var bot = CliProcess.Start(["trade", "start", "--strategy", strategy, "--symbol", "BTCUSDT", "--timeframe", "1m", "--mode", mode,
            "--name", "futures-parity", "--market", "usdm", "--leverage", Leverage.ToString(CultureInfo.InvariantCulture), .. futuresArguments,
            "--data-dir", dataDir], environment, _dir.Path);
        var last = _candles[^1];
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(bot.Output.Contains("bot futures-parity:", StringComparison.Ordinal)), Timeout, Ct, bot);
        await using var store = await TradingStoreFactory.ConnectAsync(null, dataDir, Ct);
        await RunningCliWait.WhileRunningAsync(async () => (await store.Candles.GetLatestAsync(last.Symbol, last.Timeframe, Ct))?.OpenTimeMs == last.OpenTimeMs, Timeout, Ct, bot);
        await bot.TerminateAsync(Ct);
        (await bot.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, bot.Error);

        var candles = await SimulatedMarket.ReadStoreAsync(store.Candles, Ct);
        var show = await CliProcess.RunAsync(["portfolio", "show", "--data-dir", dataDir], environment, _dir.Path, Ct);
        show.ExitCode.ShouldBe(0, show.Error);
        return new BotRun(candles, show.Output, [.. await store.Futures.ListPositionsAsync(Ct)], [.. await store.Futures.ListOrdersAsync(Ct)], [.. await store.Futures.ListFillsAsync(Ct)],
            [.. await store.Futures.ListFundingAsync(Ct)], await store.Futures.GetWalletBalanceAsync(Ct) ?? 10_000m, candles[^HandlingMargin].CloseTime);
    }

    private sealed record BotRun(List<Candle> Candles, string Show, List<FuturesPositionRecord> Positions, List<FuturesOrderRecord> Orders, List<FuturesFillRecord> Fills, List<FundingRecord> Funding,
        decimal Wallet, DateTimeOffset SurelyHandled);
}
