using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>
/// `backtest run --strategy a,b,c --market usdm` (a futures portfolio under the allocator) and `backtest optimize --market usdm`
/// on the fixture's real BTCUSDT candles, and the futures settings a backtest refuses rather than ignores.
/// </summary>
public sealed class FuturesPortfolioAndOptimizeCommandTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Window = ["--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03"];
    private static readonly string[] Usdm = ["--market", "usdm", "--leverage", "2", "--funding-rate", "0.0001"];

    private Task<CliProcess.Result> Cli(Dictionary<string, string?>? env, params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], env, ct: Ct);

    [Fact]
    public async Task Run_UsdmThreeStrategiesWanting40Pct_EachCutToAQuarterInMarginHeatCappedFiguresAddUp()
    {
        var result = await Cli(null, ["backtest", "run", .. Window, .. Usdm, "--strategy", "rsi,sma_crossover,mean_reversion",
            "--sizing", "equity_fraction:0.4", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("futures").GetProperty("leverage").GetInt32().ShouldBe(2);
        root.GetProperty("futures").GetProperty("fundingSettlements").GetInt32().ShouldBeGreaterThan(0);
        var portfolio = root.GetProperty("portfolio");
        portfolio.GetProperty("allocation").GetProperty("maxStrategySharePct").GetDecimal().ShouldBe(25m);
        var peakHeat = portfolio.GetProperty("peakHeatPct").GetDecimal();
        peakHeat.ShouldBeGreaterThan(0m);
        peakHeat.ShouldBeLessThanOrEqualTo(6m);
        var strategies = portfolio.GetProperty("strategies").EnumerateArray().ToList();
        strategies.Select(s => s.GetProperty("strategy").GetString()).ShouldBe(["rsi", "sma_crossover", "mean_reversion"]);
        strategies.Sum(s => s.GetProperty("reduced").GetInt32()).ShouldBeGreaterThan(0);
        var statistics = root.GetProperty("statistics");
        var total = statistics.GetProperty("finalBalance").GetDecimal() - statistics.GetProperty("initialBalance").GetDecimal();
        strategies.Sum(s => s.GetProperty("netPnl").GetDecimal()).ShouldBe(total, 0.01m);
    }

    [Fact]
    public async Task Optimize_Usdm_WinnerEqualsAPlainUsdmRunWithItsParameters()
    {
        var optimize = await Cli(null, ["backtest", "optimize", "--strategy", "rsi", .. Window, .. Usdm,
            "--param", "period=7..14:7", "--param", "oversold=25..30:5", "--metric", "return", "--jobs", "1", "--json"]);

        optimize.ExitCode.ShouldBe(0, optimize.Error);
        using var ranking = JsonDocument.Parse(optimize.Output);
        var rows = ranking.RootElement.GetProperty("result").GetProperty("ranking").EnumerateArray().ToList();
        rows.Count.ShouldBe(4);
        var best = rows[0];
        var parameters = best.GetProperty("parameters").EnumerateObject().SelectMany(p => new[] { "--param", $"{p.Name}={p.Value.GetString()}" }).ToArray();

        var run = await Cli(null, ["backtest", "run", "--strategy", "rsi", .. Window, .. Usdm, .. parameters, "--json"]);
        var spot = await Cli(null, ["backtest", "run", "--strategy", "rsi", .. Window, .. parameters, "--json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        spot.ExitCode.ShouldBe(0, spot.Error);
        using var report = JsonDocument.Parse(run.Output);
        var statistics = report.RootElement.GetProperty("statistics");
        statistics.GetProperty("trades").GetInt32().ShouldBeGreaterThan(0);
        statistics.GetProperty("trades").GetInt32().ShouldBe(best.GetProperty("trades").GetInt32());
        statistics.GetProperty("totalReturn").GetDouble().ShouldBe(best.GetProperty("totalReturn").GetDouble());
        // The search ran futures: the spot run of the same parameters returns something else.
        JsonDocument.Parse(spot.Output).RootElement.GetProperty("statistics").GetProperty("totalReturn").GetDouble()
            .ShouldNotBe(best.GetProperty("totalReturn").GetDouble());
    }

    [Theory]
    [InlineData("optimize", "--leverage 126 --funding-rate 0.0001", "--leverage 126 is outside 1..125")]
    [InlineData("optimize", "--leverage 2", "needs funding")]
    [InlineData("run", "--funding-rate 0.0001 --stop-loss-pct 2", "--stop-loss-pct and --take-profit-pct arm no exits in a futures backtest")]
    [InlineData("optimize", "--funding-rate 0.0001 --take-profit-pct 3", "--stop-loss-pct and --take-profit-pct arm no exits in a futures backtest")]
    [InlineData("run", "--funding-rate 0.0001 --limit-entries", "ENTRY_ORDER_TYPE=limit is not supported with --market usdm")]
    [InlineData("optimize", "--funding-rate 0.0001 --limit-entries", "ENTRY_ORDER_TYPE=limit is not supported with --market usdm")]
    public async Task Command_BadUsdmInput_OneErrorLineAndNothingStored(string command, string options, string reason)
    {
        var runs = (await data.ListRunsAsync()).Count;
        var limit = options.Contains("--limit-entries", StringComparison.Ordinal);
        var env = limit ? new Dictionary<string, string?> { ["ENTRY_ORDER_TYPE"] = "limit" } : null;
        string[] range = command == "optimize" ? ["--param", "period=7..14:7"] : [];

        var result = await Cli(env, ["backtest", command, "--strategy", "rsi", .. Window, "--market", "usdm", .. range,
            .. options.Replace(" --limit-entries", "", StringComparison.Ordinal).Split(' ')]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        result.Error.ShouldContain(reason);
        (await data.ListRunsAsync()).Count.ShouldBe(runs);
    }
}
