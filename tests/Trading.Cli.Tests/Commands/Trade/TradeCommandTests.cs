using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// `trading trade start|stop|status` as separate processes against the in-process Binance simulator: a paper bot
/// trades the replayed candles, another process sees and stops it through the store.
/// </summary>
public sealed class TradeCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        // Paced like a live market (one 1m bar every 50 ms from the first subscription): a market order fills on a later bar.
        var candles = TestCandles.Generate(2000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 1200 });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config"));

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", DataDir], Environment, _dir.Path, Ct);

    private RunningCli Start(params string[] args) => CliProcess.Start([.. args, "--data-dir", DataDir], Environment, _dir.Path);

    [Fact]
    public async Task Start_PaperBotOnSimulator_StatusShowsItTradingStopEndsItAndStatusShowsStopped()
    {
        await using var bot = Start("trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "1m",
            "--param", "period=2", "--param", "quantity=0.001", "--mode", "paper", "--name", "paper-rsi");
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(bot.Output.Contains("bot paper-rsi:", StringComparison.Ordinal)), Timeout, Ct, bot);
        await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
        await RunningCliWait.WhileRunningAsync(async () => (await BotOrdersAsync(store)).Count(o => o.Status == OrderStatus.Filled) >= 2, Timeout, Ct, bot);

        var running = await Run("trade", "status");
        var again = await Run("trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "paper-rsi", "--mode", "paper");
        var stop = await Run("trade", "stop", "--bot", "paper-rsi");
        var exited = await bot.WaitForExitAsync(Timeout, Ct);
        var stopped = await Run("trade", "status", "--bot", "paper-rsi");

        bot.Output.ShouldContain("mode PAPER");
        bot.Error.ShouldContain("mode: PAPER");
        running.ExitCode.ShouldBe(0, running.Error);
        running.Output.ShouldMatch(@"paper-rsi\s*│\s*rsi\s*│\s*BTCUSDT\s*│\s*1m\s*│\s*paper\s*│\s*running\s*│\s*" + bot.Pid + "@");
        running.Output.ShouldMatch(@"│\s*\d+/[1-9]\d*\s*│\s*(Buy|Sell) BTCUSDT");
        running.Output.ShouldMatch(@"│\s*Symbol\s*│\s*Quantity\s*│\s*Entry\s*│\s*Last\s*│\s*Value\s*│\s*Unrealised\s*│\s*Realised\s*│\s*Fees\s*│");
        running.Output.ShouldMatch(@"account: equity \d+(\.\d+)? USDT .* fees (0\.\d*[1-9]|[1-9][\d,]*(\.\d+)?)\b"); // positive: the count of fills before status depends on load
        again.ExitCode.ShouldBe(1);
        again.Error.Trim().ShouldStartWith("error: bot 'paper-rsi' is already running");
        stop.ExitCode.ShouldBe(0, stop.Error);
        stop.Output.ShouldContain("bot paper-rsi stopped");
        exited.ExitCode.ShouldBe(0, exited.Error);
        stopped.ExitCode.ShouldBe(0, stopped.Error);
        stopped.Output.ShouldMatch(@"paper-rsi\s*│.*│\s*stopped\s*│");
        (await store.Bots.GetAsync("paper-rsi", Ct)).ShouldNotBeNull().Status.ShouldBe(BotStatuses.Stopped);
        var orders = await BotOrdersAsync(store);
        orders.ShouldAllBe(o => !o.IsOpen || o.Status == OrderStatus.New);
        (await store.Orders.GetFillsAsync(null, Ct)).Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Start_ConfiguredDryRunBot_SigtermStopsItCleanlyWithSignalsButNoOrders()
    {
        _dir.Write("config/bots/btc-rsi.json",
            """{ "strategy": "rsi", "symbols": ["BTCUSDT"], "timeframe": "1m", "parameters": { "period": 2, "quantity": 0.001 } }""");
        await using var bot = Start("trade", "start", "--bot", "btc-rsi");
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(bot.Output.Contains("bot btc-rsi:", StringComparison.Ordinal)), Timeout, Ct, bot);
        await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
        await RunningCliWait.WhileRunningAsync(async () => (await store.Signals.ListAsync("rsi", 10, Ct)).Count > 0, Timeout, Ct, bot);

        await bot.TerminateAsync(Ct);
        var exited = await bot.WaitForExitAsync(Timeout, Ct);
        var status = await Run("trade", "status");

        exited.ExitCode.ShouldBe(0, exited.Error);
        exited.Output.ShouldContain("mode DRY-RUN");
        (await store.Orders.ListAsync(ct: Ct)).ShouldBeEmpty();
        status.Output.ShouldMatch(@"btc-rsi\s*│\s*rsi\s*│\s*BTCUSDT\s*│\s*1m\s*│\s*dry-run\s*│\s*stopped\s*│");
    }

    [Theory]
    [InlineData("error: unknown bot 'nope'", "trade", "start", "--bot", "nope")]
    [InlineData("error: Unknown strategy 'nope'", "trade", "start", "--strategy", "nope", "--symbol", "BTCUSDT")]
    [InlineData("error: Strategy 'rsi': parameter 'period' must be an integer", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--param", "period=abc")]
    [InlineData("error: --param 'period' must look like name=value", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--param", "period")]
    [InlineData("error: unknown timeframe '7m'", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "7m")]
    [InlineData("error: unknown --mode 'real'", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--mode", "real")]
    [InlineData("error: --mode live needs TRADING_MODE=live", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--mode", "live")]
    [InlineData("error: give --bot NAME", "trade", "start")]
    [InlineData("error: --symbol defines an ad hoc bot", "trade", "start", "--bot", "btc-rsi", "--symbol", "ETHUSDT")]
    [InlineData("error: give either --bot or --strategy", "trade", "start", "--bot", "btc-rsi", "--strategy", "rsi")]
    public async Task Start_BadInput_OneLineErrorExit2AndNothingCreated(string error, params string[] args)
    {
        var result = await Run(args);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith(error);
        Directory.Exists(DataDir).ShouldBeFalse();
        _simulator.TotalStreamConnections.ShouldBe(0);
    }

    [Fact]
    public async Task Start_LiveWithoutConfirmation_OneLineErrorExit2AndNothingCreated()
    {
        var result = await CliProcess.RunAsync(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--data-dir", DataDir],
            new Dictionary<string, string?>(Environment)
            {
                ["TRADING_MODE"] = "live", ["DRY_RUN"] = "false", ["BINANCE_API_KEY"] = "k", ["BINANCE_API_SECRET"] = "s",
            }, _dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("confirm");
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    [Theory]
    [InlineData("error: unknown bot 'ghost'", "--bot", "ghost")]
    [InlineData("error: no bot of strategy 'rsi' is running", "--strategy", "rsi")]
    public async Task Stop_NothingRunningOnAFreshDataDir_OneLineErrorExit2AndNothingCreated(string error, params string[] args)
    {
        var result = await Run(["trade", "stop", .. args]);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith(error);
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    [Fact]
    public async Task Stop_BotKilledWithSigkill_SeenGoneAtOnceStartAgainAndStopByStrategy()
    {
        await using (var killed = Start("trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "dies"))
        {
            await RunningCliWait.WhileRunningAsync(() => Task.FromResult(killed.Output.Contains("bot dies:", StringComparison.Ordinal)), Timeout, Ct, killed);
            await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
            await RunningCliWait.WhileRunningAsync(async () => await new Services.Bots.BotRuntimeStore(store).GetAsync("dies", Ct) is { IsRunning: true }, Timeout, Ct, killed);
            using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", killed.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(Ct);
            await killed.WaitForExitAsync(Timeout, Ct);
        }

        var lost = await Run("trade", "status", "--bot", "dies");
        await using var again = Start("trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "dies");
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(again.Output.Contains("bot dies:", StringComparison.Ordinal)), Timeout, Ct, again);
        var stop = await Run("trade", "stop", "--strategy", "rsi", "--symbol", "BTCUSDT");
        var exited = await again.WaitForExitAsync(Timeout, Ct);
        var notRunning = await Run("trade", "stop", "--bot", "dies");
        var noneOfStrategy = await Run("trade", "stop", "--strategy", "rsi");

        lost.Output.ShouldMatch(@"dies\s*│.*│\s*lost \(process gone\)\s*│", lost.Error);
        stop.ExitCode.ShouldBe(0, stop.Error);
        stop.Output.ShouldContain("bot dies: stop requested");
        stop.Output.ShouldContain("bot dies stopped");
        exited.ExitCode.ShouldBe(0, exited.Error);
        notRunning.ExitCode.ShouldBe(2);
        notRunning.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: bot 'dies' is not running");
        noneOfStrategy.ExitCode.ShouldBe(2);
        noneOfStrategy.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: no bot of strategy 'rsi' is running");
    }

    private static async Task<List<Core.Model.Order>> BotOrdersAsync(ITradingStore store) =>
        (await store.Orders.ListAsync(limit: 10_000, ct: Ct)).Where(o => o.BotId == "paper-rsi").ToList();
}
