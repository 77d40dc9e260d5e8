using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Streams;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Cli.Tests.Commands.Futures;

/// <summary><c>trading futures setup|positions|funding</c> as processes against the simulator's /fapi on loopback.</summary>
public sealed class FuturesCommandsTests : IAsyncLifetime
{
    private static readonly Symbol Btc = TestCandles.BtcUsdt;
    private static readonly long Midnight = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000L;
    private readonly TempDirectory _dir = new();
    private readonly List<Candle> _candles = TestCandles.Generate(14, Timeframe.H1, startMs: Midnight - 4 * Hour);
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", Path.Combine(_dir.Path, "data")],
        new Dictionary<string, string?>(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config")))
        {
            ["BINANCE_API_KEY"] = TradingHarness.TestCredentials.ApiKey, ["BINANCE_API_SECRET"] = "sim-test-api-secret", ["RISK_FUTURES_MAX_LEVERAGE"] = "125",
        }, ct: Ct);

    private async Task SendAsync(HttpMethod method, string path, string parameters)
    {
        using var http = new HttpClient();
        using var request = TradingHarness.Signed(_simulator.BaseUrl, method, path, parameters);
        using var response = await http.SendAsync(request, Ct);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(Ct));
    }

    private static void ShouldBeOneError(CliProcess.Result result, string contains)
    {
        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        lines[0].ShouldContain(contains);
    }

    [Fact]
    public async Task Setup_RunTwice_SetsHedgeIsolatedAndLeverageThenReportsAlready()
    {
        var first = await Run("futures", "setup", "--symbol", "BTCUSDT", "--leverage", "3");
        var second = await Run("futures", "setup", "--symbol", "BTCUSDT", "--leverage", "3", "--market", "usdm");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("position mode: hedge (set)");
        first.Output.ShouldContain("BTCUSDT margin type: ISOLATED (set)");
        first.Output.ShouldContain("BTCUSDT leverage: 3x (set)");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.EndsWith("(already)"));
        _simulator.Futures.Leverage(Btc).ShouldBe(3);
        _simulator.Futures.DualSidePosition.ShouldBeTrue();
    }

    [Fact]
    public async Task Setup_LeverageAboveTheBracket_OneErrorExit2AndNothingChanged()
    {
        var result = await Run("futures", "setup", "--symbol", "BTCUSDT", "--leverage", "126");

        ShouldBeOneError(result, "126");
        _simulator.Futures.DualSidePosition.ShouldBeFalse();
        _simulator.Futures.IsIsolated(Btc).ShouldBeFalse();
        _simulator.Futures.Leverage(Btc).ShouldBe(20);
    }

    [Fact]
    public async Task Setup_UnknownFuturesSymbol_OneErrorExit2AndNothingChanged()
    {
        var result = await Run("futures", "setup", "--symbol", "ETHUSDT", "--leverage", "2");

        ShouldBeOneError(result, "-1121");
        _simulator.Futures.DualSidePosition.ShouldBeFalse();
    }

    [Fact]
    public async Task Setup_OneWayAccountHoldingAPosition_OneErrorExit2AndThePositionModeUnchanged()
    {
        await SendAsync(HttpMethod.Post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        await SendAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01");

        var result = await Run("futures", "setup", "--symbol", "BTCUSDT", "--leverage", "2");

        ShouldBeOneError(result, "-4068");
        _simulator.Futures.DualSidePosition.ShouldBeFalse();
        _simulator.Futures.Leverage(Btc).ShouldBe(20);
        _simulator.Futures.Positions.ShouldHaveSingleItem().Amount.ShouldBe(0.01m);
    }

    [Fact]
    public async Task Setup_SpotMarket_OneErrorExit2()
    {
        ShouldBeOneError(await Run("futures", "setup", "--symbol", "BTCUSDT", "--market", "spot"), "usdm");
    }

    [Fact]
    public async Task PositionsAndFunding_HedgedLongAndShortThroughASettlement_ShowSideLeverageLiquidationAndFundingPaid()
    {
        (await Run("futures", "setup", "--symbol", "BTCUSDT", "--leverage", "4")).ExitCode.ShouldBe(0);
        await SendAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG");
        await SendAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.02&positionSide=SHORT");
        await using (var klines = await BinanceKlineStream.ConnectAsync(_simulator.WebSocketUrl, [(Btc, Timeframe.H1)], Ct))
        {
            while (await klines.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != _candles[^1].OpenTimeMs) { }
        }

        var positions = await Run("futures", "positions");
        var funding = await Run("futures", "funding", "--symbol", "BTCUSDT");

        positions.ExitCode.ShouldBe(0, positions.Error);
        positions.Output.ShouldMatch(@"BTCUSDT\s*│\s*LONG\s*│\s*0\.01\s*│");
        positions.Output.ShouldMatch(@"BTCUSDT\s*│\s*SHORT\s*│\s*0\.02\s*│");
        positions.Output.ShouldContain("4x");
        positions.Output.ShouldContain("ISOLATED");
        positions.Output.ShouldContain("2 position(s)");
        var longLiquidation = Math.Round(_simulator.Futures.Position(Btc, PositionSide.Long)!.LiquidationPrice, 2);
        positions.Output.ShouldContain(longLiquidation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        funding.ExitCode.ShouldBe(0, funding.Error);
        funding.Output.ShouldContain("2024-01-01 00:00");
        funding.Output.ShouldContain("2024-01-01 08:00");
        funding.Output.ShouldContain("next funding 2024-01-01 16:00");
        funding.Output.ShouldContain("2 settlement(s)");
        var paid = _simulator.Futures.Income.Where(i => i.IncomeType == "FUNDING_FEE").ToList();
        paid.Count.ShouldBe(4);
        var net = paid.Where(i => i.TimeMs == Midnight).Sum(i => i.Amount) / 1.000000000000000000000000000000000m;
        funding.Output.ShouldContain(net.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
