using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>
/// <c>trade start --market usdm</c> refuses what it cannot trade with one <c>error:</c> line and exit 2, before anything is
/// stored: an unknown futures symbol, a leverage above the symbol's bracket, and (testnet) account settings that cannot change
/// with a position open (hedge mode to the bot's one-way mode, a lower leverage). The simulator models isolated margin only, so
/// a CROSSED account cannot be set up there.
/// </summary>
public sealed class FuturesBotStartErrorTests : IAsyncLifetime
{
    private static readonly Symbol Btc = TestCandles.BtcUsdt;
    private static readonly long Midnight = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000L;
    private readonly TempDirectory _dir = new();
    private readonly List<Candle> _candles = TestCandles.Generate(14, Timeframe.H1, startMs: Midnight - 4 * Hour);
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles, Midnight));
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Task<CliProcess.Result> StartAsync(string mode, params string[] args) => CliProcess.RunAsync(
        ["trade", "start", "--strategy", "sma_crossover", "--timeframe", "1h", "--mode", mode, "--market", "usdm", .. args, "--data-dir", DataDir],
        new Dictionary<string, string?>(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config")))
        {
            ["BINANCE_API_KEY"] = TradingHarness.TestCredentials.ApiKey, ["BINANCE_API_SECRET"] = "sim-test-api-secret", ["DRY_RUN"] = "false",
            ["TRADING_MODE"] = mode, ["RISK_FUTURES_MAX_LEVERAGE"] = "125",
        }, ct: Ct);

    private void ShouldBeOneErrorAndNothingStored(CliProcess.Result result, string contains)
    {
        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        lines[0].ShouldContain(contains);
        Directory.Exists(DataDir).ShouldBeFalse("no store is created for a bot that does not start");
    }

    [Fact]
    public async Task Start_PaperUnknownFuturesSymbol_OneErrorExit2()
    {
        var result = await StartAsync("paper", "--symbol", "ETHBTC", "--funding-rate", "0.0001");

        ShouldBeOneErrorAndNothingStored(result, "unknown futures symbol ETHBTC");
    }

    [Fact]
    public async Task Start_PaperLeverageAboveTheBracket_OneErrorExit2()
    {
        var result = await StartAsync("paper", "--symbol", "BTCUSDT", "--leverage", "126", "--funding-rate", "0.0001");

        ShouldBeOneErrorAndNothingStored(result, "--leverage 126");
    }

    [Fact]
    public async Task Start_TestnetUnknownFuturesSymbol_OneErrorExit2AndAccountUnchanged()
    {
        var result = await StartAsync("testnet", "--symbol", "ETHBTC");

        ShouldBeOneErrorAndNothingStored(result, "ETHBTC");
        _simulator.Futures.IsIsolated(Btc).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_TestnetLeverageAboveTheBracket_OneErrorExit2AndAccountUnchanged()
    {
        var result = await StartAsync("testnet", "--symbol", "BTCUSDT", "--leverage", "126");

        ShouldBeOneErrorAndNothingStored(result, "126");
        _simulator.Futures.Leverage(Btc).ShouldBe(20);
        _simulator.Futures.IsIsolated(Btc).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_TestnetHedgeModeWithAPositionOpen_PositionModeMismatchOneErrorExit2()
    {
        await SendAsync("/fapi/v1/positionSide/dual", "dualSidePosition=true");
        await SendAsync("/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        await SendAsync("/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG");

        var result = await StartAsync("testnet", "--symbol", "BTCUSDT", "--leverage", "20");

        ShouldBeOneErrorAndNothingStored(result, "-4068");
        _simulator.Futures.DualSidePosition.ShouldBeTrue();
    }

    [Fact]
    public async Task Start_TestnetLowerLeverageWithAnIsolatedPositionOpen_OneErrorExit2AndLeverageKept()
    {
        await SendAsync("/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        await SendAsync("/fapi/v1/leverage", "symbol=BTCUSDT&leverage=5");
        await SendAsync("/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01");

        var result = await StartAsync("testnet", "--symbol", "BTCUSDT", "--leverage", "3");

        ShouldBeOneErrorAndNothingStored(result, "-4161");
        _simulator.Futures.Leverage(Btc).ShouldBe(5);
    }

    private async Task SendAsync(string path, string parameters)
    {
        using var http = new HttpClient();
        using var request = TradingHarness.Signed(_simulator.BaseUrl, HttpMethod.Post, path, parameters);
        using var response = await http.SendAsync(request, Ct);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(Ct));
    }
}
