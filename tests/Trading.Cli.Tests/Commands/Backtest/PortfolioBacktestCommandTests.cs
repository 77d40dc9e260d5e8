using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>`backtest run --strategy a,b,c` on the fixture's real BTCUSDT candles: one account, the allocator, per-strategy figures.</summary>
public sealed class PortfolioBacktestCommandTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Run = ["backtest", "run", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03"];

    private Task<CliProcess.Result> Cli(Dictionary<string, string?>? env, params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], env, ct: Ct);

    [Fact]
    public async Task Run_ThreeStrategiesWanting40Pct_EachCutToItsShareAndFiguresAddUp()
    {
        var result = await Cli(null, [.. Run, "--strategy", "rsi,sma_crossover,mean_reversion", "--sizing", "equity_fraction:0.4", "--param", "rsi.period=10", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("parameters").GetProperty("rsi.period").GetString().ShouldBe("10");
        var portfolio = root.GetProperty("portfolio");
        portfolio.GetProperty("allocation").GetProperty("maxStrategySharePct").GetDecimal().ShouldBe(25m);
        portfolio.GetProperty("peakHeatPct").GetDecimal().ShouldBeLessThanOrEqualTo(6m);
        var strategies = portfolio.GetProperty("strategies").EnumerateArray().ToList();
        strategies.Select(s => s.GetProperty("strategy").GetString()).ShouldBe(["rsi", "sma_crossover", "mean_reversion"]);
        strategies.Sum(s => s.GetProperty("reduced").GetInt32()).ShouldBeGreaterThan(0);
        var statistics = root.GetProperty("statistics");
        var total = statistics.GetProperty("finalBalance").GetDecimal() - statistics.GetProperty("initialBalance").GetDecimal();
        strategies.Sum(s => s.GetProperty("netPnl").GetDecimal()).ShouldBe(total, 0.01m);
    }

    [Fact]
    public async Task Run_ConfiguredShare_IsTheOneApplied()
    {
        string[] args = [.. Run, "--strategy", "rsi,sma_crossover", "--sizing", "equity_fraction:0.4", "--json"];
        var wide = await Cli(null, args);
        var narrow = await Cli(new() { ["ALLOC_MAX_STRATEGY_PCT"] = "1" }, args);

        wide.ExitCode.ShouldBe(0, wide.Error);
        narrow.ExitCode.ShouldBe(0, narrow.Error);
        static JsonElement Portfolio(CliProcess.Result r) => JsonDocument.Parse(r.Output).RootElement.GetProperty("portfolio");
        Portfolio(narrow).GetProperty("allocation").GetProperty("maxStrategySharePct").GetDecimal().ShouldBe(1m);
        // With the 2 % stop (RISK_STOP_LOSS_PCT), two strategies at 1 % of equity each carry at most 0.04 % of heat; at 25 % up to 1 %.
        Portfolio(narrow).GetProperty("peakHeatPct").GetDecimal().ShouldBeLessThanOrEqualTo(0.05m);
        Portfolio(wide).GetProperty("peakHeatPct").GetDecimal().ShouldBeGreaterThan(0.05m);
    }

    [Theory]
    [InlineData("--strategy rsi,sma_crossover --param period=10", "--param 'period' must name its strategy")]
    [InlineData("--strategy rsi, --param rsi.period=10", "has an empty name")]
    [InlineData("--strategy rsi,nope", "nope")]
    [InlineData("--strategy rsi,grid --market usdm", "--market usdm needs funding")]
    public async Task Run_BadPortfolioInput_OneErrorLineAndNothingStored(string options, string reason)
    {
        var runs = (await data.ListRunsAsync()).Count;

        var result = await Cli(null, [.. Run, .. options.Split(' ')]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        result.Error.ShouldContain(reason);
        (await data.ListRunsAsync()).Count.ShouldBe(runs);
    }

    [Fact]
    public async Task Run_BadAllocationSetting_OneErrorLineNamingIt()
    {
        var result = await Cli(new() { ["ALLOC_UNCERTAIN_FACTOR"] = "2" }, [.. Run, "--strategy", "rsi,grid"]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("ALLOC_UNCERTAIN_FACTOR must be within 0..1 (got 2)");
    }
}
