using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Bots;
using Trading.Services.Execution;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// `trade stop-all` in testnet mode against the simulator: the resting orders (one placed by the platform, one placed at the
/// exchange by someone else) are cancelled with DELETE /api/v3/openOrders, the running bot process stops, HALTED is stored
/// and a new process (a restart) is denied a new entry.
/// </summary>
public sealed class StopAllCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly List<Candle> _candles = TestCandles.Generate(300);
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles));
        await _simulator.StartAsync(Ct);
        await using var store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);
        await store.Candles.UpsertAsync(_candles, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Testnet => new()
    {
        ["TRADING_DATA_DIR"] = _dir.Path, ["TRADING_CONFIG_DIR"] = Path.Combine(_dir.Path, "config"), ["DRY_RUN"] = "false",
        ["TRADING_MODE"] = "testnet", ["RISK_PRICE_GUARD_PCT"] = "0", ["LOG_LEVEL"] = "Warning",
        ["BINANCE_API_KEY"] = SimulatorTradingOptions.TestApiKey, ["BINANCE_API_SECRET"] = SimulatorTradingOptions.TestApiSecret,
        ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_URL"] = _simulator.WebSocketUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_API_URL"] = _simulator.WebSocketApiUrl.ToString(),
    };

    [Fact]
    public async Task StopAll_RestingOrdersAndARunningBot_CancelsStopsAndHaltsForGood()
    {
        var placed = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01", "--price", "40000"], Testnet, ct: Ct);
        placed.ExitCode.ShouldBe(0, placed.Error);
        using var http = new HttpClient();
        var outsider = new BinanceTradingClient(http, new BinanceCredentials(SimulatorTradingOptions.TestApiKey, SimulatorTradingOptions.TestApiSecret),
            new BinanceTradingOptions { BaseUrl = _simulator.BaseUrl });
        (await outsider.PlaceOrderAsync(new NewOrderRequest(TestCandles.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.001m, "outsider-1", 39_000m), Ct))
            .Outcome.ShouldBe(PlacementOutcome.Placed);
        await using var bot = CliProcess.Start(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--mode", "dry-run", "--name", "stopall-bot"],
            Testnet);
        await WaitRunningAsync(bot, "stopall-bot");
        _simulator.Exchange.Orders.Count(o => o.IsOpen).ShouldBe(2);

        var stopAll = await CliProcess.RunAsync(["trade", "stop-all", "--yes"], Testnet, ct: Ct);

        stopAll.ExitCode.ShouldBe(0, stopAll.Output + stopAll.Error);
        var lines = stopAll.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("trading state: HALTED");
        lines.ShouldContain(l => l.StartsWith("bot stopall-bot: stop requested", StringComparison.Ordinal), stopAll.Output);
        lines.Count(l => l.StartsWith("cancelled ", StringComparison.Ordinal)).ShouldBe(2, stopAll.Output);
        lines.ShouldContain(l => l.StartsWith("cancelled outsider-1 Buy 0.001 BTCUSDT Limit @ 39000 at the exchange", StringComparison.Ordinal) && l.EndsWith("(not placed by this platform)", StringComparison.Ordinal), stopAll.Output);
        lines.ShouldContain(l => l.StartsWith("cancelled ", StringComparison.Ordinal) && l.Contains("Buy 0.01 BTCUSDT Limit @ 40000", StringComparison.Ordinal), stopAll.Output);
        lines[^1].ShouldBe("stop-all: 1 bot(s) stopped, 2 order(s) cancelled, 0 problem(s)");
        _simulator.Exchange.Orders.ShouldAllBe(o => o.Status == "CANCELED");
        (await bot.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, bot.Error);

        var denied = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01", "--price", "40000"], Testnet, ct: Ct);
        denied.ExitCode.ShouldBe(1, denied.Output);
        denied.Error.ShouldContain("HALTED");
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dir.Path, Ct);
        (await new KillSwitch(store.SystemState).LoadAsync(Ct)).ShouldBe(TradingState.Halted);
        (await store.Orders.ListAsync(openOnly: true, limit: 10, ct: Ct)).ShouldBeEmpty();
        (await new BotRuntimeStore(store).GetAsync("stopall-bot", Ct))!.IsRunning.ShouldBeFalse();
        _simulator.Exchange.Orders.Count.ShouldBe(2);
    }

    [Fact]
    public async Task StopAll_NotConfirmed_ErrorLineAndNothingChanged()
    {
        var placed = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01", "--price", "40000"], Testnet, ct: Ct);
        placed.ExitCode.ShouldBe(0, placed.Error);

        var refused = await CliProcess.RunAsync(["trade", "stop-all"], Testnet, ct: Ct, input: "n\n");

        refused.ExitCode.ShouldBe(1);
        refused.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: stop-all not confirmed; nothing changed");
        _simulator.Exchange.Orders.ShouldHaveSingleItem().IsOpen.ShouldBeTrue();
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dir.Path, Ct);
        (await new KillSwitch(store.SystemState).LoadAsync(Ct)).ShouldBe(TradingState.Active);
    }

    private async Task WaitRunningAsync(RunningCli bot, string id)
    {
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dir.Path, Ct);
        var runtimes = new BotRuntimeStore(store);
        try
        {
            await TestWait.UntilAsync(async () => bot.HasExited || await runtimes.GetAsync(id, Ct) is { IsRunning: true }, Timeout, Ct);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{bot.Output}\n{bot.Error}", e);
        }
        bot.HasExited.ShouldBeFalse(bot.Error);
    }
}
