using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

public sealed class BacktestCommandTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Trading.TestInfrastructure.CliProcess.Result> Cli(params string[] args) => Trading.TestInfrastructure.CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], ct: Ct);

    private static readonly string[] Range = ["--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03"];

    [Fact]
    public async Task Run_RsiOnThreeDays_PrintsTableStoresRunAndWritesHtml()
    {
        var html = Path.Combine(data.DataDir, "report.html");

        var result = await Cli(["backtest", "run", "--strategy", "rsi", .. Range, "--param", "period=10", "--html", html]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Sharpe");
        result.Output.ShouldContain("Max drawdown");
        result.Output.ShouldContain("period=10");
        result.Output.ShouldContain("4,320"); // candles
        var text = await File.ReadAllTextAsync(html, Ct);
        text.ShouldContain("createSeriesMarkers");

        var list = await Cli("backtest", "list");
        list.ExitCode.ShouldBe(0, list.Error);
        var id = (await data.ListRunsAsync()).First(r => r.Kind == "backtest").Id;
        list.Output.ShouldContain(id);

        var report = await Cli("backtest", "report", "--id", id, "--html", Path.Combine(data.DataDir, "again.html"));
        report.ExitCode.ShouldBe(0, report.Error);
        report.Output.ShouldContain(id);
        File.Exists(Path.Combine(data.DataDir, "again.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task Run_Json_PrintsStatistics()
    {
        var result = await Cli(["backtest", "run", "--strategy", "sma_crossover", .. Range, "--json", "--balance", "5000"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        var statistics = doc.RootElement.GetProperty("statistics");
        statistics.GetProperty("initialBalance").GetDecimal().ShouldBe(5000m);
        statistics.GetProperty("candles").GetInt32().ShouldBe(4320);
    }

    [Fact]
    public async Task Run_DailyLossLimitZero_AcceptedAndTradesAsWithTheLimitOff()
    {
        string[] args = ["backtest", "run", "--strategy", "rsi", .. Range, "--json", "--data-dir", data.DataDir];

        var zero = await CliProcess.RunAsync(args, new Dictionary<string, string?> { ["RISK_DAILY_LOSS_LIMIT_PCT"] = "0" }, ct: Ct);
        var off = await CliProcess.RunAsync(args, new Dictionary<string, string?> { ["RISK_DAILY_LOSS_LIMIT_PCT"] = "100" }, ct: Ct);

        zero.ExitCode.ShouldBe(0, zero.Error);
        off.ExitCode.ShouldBe(0, off.Error);
        using var zeroJson = JsonDocument.Parse(zero.Output);
        using var offJson = JsonDocument.Parse(off.Output);
        var trades = zeroJson.RootElement.GetProperty("statistics").GetProperty("trades").GetInt32();
        trades.ShouldBeGreaterThan(0);
        trades.ShouldBe(offJson.RootElement.GetProperty("statistics").GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task Run_FiveMinuteTimeframe_ResamplesFromOneMinute()
    {
        var result = await Cli(["backtest", "run", "--strategy", "rsi", .. Range, "--timeframe", "5m", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        doc.RootElement.GetProperty("statistics").GetProperty("candles").GetInt32().ShouldBe(864); // 4,320 / 5
    }

    [Theory]
    [InlineData("unknown strategy", "error: Unknown strategy 'nope'", "--strategy", "nope", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03")]
    [InlineData("parameter out of range", "out of range", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--param", "period=1")]
    [InlineData("unknown parameter", "unknown parameter 'speed'", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--param", "speed=3")]
    [InlineData("range with no data", "no ETHUSDT 1m candles", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2023-01-01", "--to", "2023-01-03")]
    [InlineData("from after to", "must be before the end of --to", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-05", "--to", "2023-01-03")]
    [InlineData("zero balance", "--balance must be positive", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--balance", "0")]
    [InlineData("negative balance", "--balance must be positive", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--balance", "-5")]
    [InlineData("bad date", "is not a date", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "yesterday", "--to", "2023-01-03")]
    [InlineData("filters not a pair", "--filters 'tick': 'tick' must look like name=value", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--filters", "tick")]
    [InlineData("filters unknown key", "unknown filter 'lot'", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--filters", "lot=1")]
    [InlineData("filters zero step", "step must be positive", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03", "--filters", "tick=0.01,step=0")]
    public async Task Run_BadInput_OneLineErrorExit2NothingStored(string why, string message, params string[] args)
    {
        var before = (await data.ListRunsAsync()).Count;

        var result = await Cli(["backtest", "run", .. args]);

        result.ExitCode.ShouldBe(2, why);
        result.Error.Trim().ShouldStartWith("error:");
        result.Error.ShouldContain(message);
        result.Error.Trim().ShouldNotContain('\n');
        result.Output.ShouldBeEmpty();
        (await data.ListRunsAsync()).Count.ShouldBe(before, "a bad request must not store a run");
    }

    [Fact]
    public async Task Optimize_SmallGridWithWalkForward_RanksAndStores()
    {
        var result = await Cli(["backtest", "optimize", "--strategy", "rsi", .. Range, "--param", "period=7..14:7", "--param", "oversold=25..30:5",
            "--jobs", "2", "--metric", "return", "--walk-forward", "folds=2"]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("rsi on BTCUSDT 1m: the best in-sample parameters of 2 walk-forward folds, ranked by return");
        result.Output.ShouldContain("Walk-forward: best in-sample parameters, scored on the next window");
        var stored = (await data.ListRunsAsync()).First(r => r.Kind == "optimize");
        var report = await Cli("backtest", "report", "--id", stored.Id);
        report.ExitCode.ShouldBe(0, report.Error);
        report.Output.ShouldContain("Walk-forward");
    }

    [Fact]
    public async Task Optimize_BadFilters_OneErrorLineExit2NothingStored()
    {
        var before = (await data.ListRunsAsync()).Count;
        var result = await Cli(["backtest", "optimize", "--strategy", "rsi", .. Range, "--param", "period=7..14:7", "--filters", "tick=abc"]);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: --filters 'tick=abc': 'tick=abc' needs a number.");
        (await data.ListRunsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Run_BtcUsdtWithShippedFilters_PrintsNoWarning()
    {
        var result = await Cli(["backtest", "run", "--strategy", "rsi", .. Range, "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldNotContain("warning:");
    }

    [Fact]
    public async Task Optimize_ParameterSetOutOfRange_Exit2NothingStored()
    {
        var before = (await data.ListRunsAsync()).Count;
        var result = await Cli(["backtest", "optimize", "--strategy", "rsi", .. Range, "--param", "oversold=20..80:30"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("oversold");
        (await data.ListRunsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Report_StoredRun_EndsAtTheSameTimeAsTheRun()
    {
        var run = await Cli(["backtest", "run", "--strategy", "rsi", .. Range]);
        var id = (await data.ListRunsAsync()).First(r => r.Kind == "backtest").Id;

        var report = await Cli("backtest", "report", "--id", id);

        run.Output.ShouldContain("2023-01-03 23:59 UTC");
        report.Output.ShouldContain("2023-01-03 23:59 UTC");
    }
}
