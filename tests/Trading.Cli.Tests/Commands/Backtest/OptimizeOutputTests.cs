using System.Globalization;
using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>The optimizer's table reads like a report: a column per parameter, the objective marked once and sorted best first, aligned rows; --json has it all.</summary>
public sealed class OptimizeOutputTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Grid =
        ["backtest", "optimize", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03",
         "--param", "period=7..14:7", "--param", "oversold=25..30:5", "--metric", "return", "--jobs", "1"];

    private Task<CliProcess.Result> Cli(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], ct: Ct);

    [Fact]
    public async Task Optimize_Grid_OneColumnPerParameterObjectiveMarkedOnceRowsBestFirstAndAligned()
    {
        var result = await Cli(Grid);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("rsi on BTCUSDT 1m: 4 parameter sets ranked by return");
        var rows = result.Output.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.TrimEnd()).ToList();
        var header = Cells(rows[0]);
        header[..4].ShouldBe(["#", "oversold", "period", "Return ▼"]);
        header[4].ShouldStartWith("Profit");
        header[5..].ShouldBe(["Sharpe", "Calmar", "Profit factor", "Max DD", "Trades"]);
        var body = rows.Skip(1).Select(Cells).ToList();
        body.Count.ShouldBe(4);
        body.Select(r => r[0]).ShouldBe(["1", "2", "3", "4"]);
        body.Select(r => (r[1], r[2])).Distinct().Count().ShouldBe(4, "each parameter set once");
        body.ShouldAllBe(r => (r[1] == "25" || r[1] == "30") && (r[2] == "7" || r[2] == "14"));
        var returns = body.Select(r => decimal.Parse(r[3].Replace(" %", ""), CultureInfo.InvariantCulture)).ToList();
        returns.ShouldBeInOrder(SortDirection.Descending);
        body.ShouldAllBe(r => r[4].Contains('.') && r[4].Length - r[4].IndexOf('.') - 1 == 2, "profit at the quote's 2 decimals");
        rows.Select(r => r.Length).Distinct().ShouldHaveSingleItem("every row as wide as the header");
    }

    [Fact]
    public async Task Optimize_Json_RankingBestFirstWithParametersByName()
    {
        var result = await Cli([.. Grid, "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("kind").GetString().ShouldBe("optimize");
        var ranking = json.RootElement.GetProperty("result").GetProperty("ranking").EnumerateArray().ToList();
        ranking.Count.ShouldBe(4);
        ranking.Select(r => r.GetProperty("totalReturn").GetDouble()).ShouldBeInOrder(SortDirection.Descending);
        ranking.Select(r => string.Join(',', r.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)))
            .Distinct().ShouldHaveSingleItem().ShouldBe("oversold,period");
        var id = json.RootElement.GetProperty("id").GetString()!;

        var report = await Cli("backtest", "report", "--id", id, "--json");
        report.ExitCode.ShouldBe(0, report.Error);
        JsonDocument.Parse(report.Output).RootElement.GetProperty("result").GetProperty("ranking").GetArrayLength().ShouldBe(4);
    }

    private static string[] Cells(string row) => [.. row.Trim('│').Split('│').Select(c => c.Trim())];
}
