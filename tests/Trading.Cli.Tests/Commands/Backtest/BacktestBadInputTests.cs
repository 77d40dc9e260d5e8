using System.Security.Cryptography;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>Bad input to the backtest commands: one error line, exit 2, no run stored and the store byte-for-byte unchanged.</summary>
public sealed class BacktestBadInputTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Run = ["backtest", "run", "--strategy", "rsi", "--symbol", "BTCUSDT"];

    private Task<CliProcess.Result> Cli(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], ct: Ct);

    private string StorePath => Path.Combine(data.DataDir, "trading.db");

    [Fact]
    public async Task Run_HtmlIsTheStore_RefusedBeforeTheRunAndStoreUnchanged()
    {
        var runs = (await data.ListRunsAsync()).Count;
        var before = await HashAsync(StorePath);

        var result = await Cli([.. Run, "--from", "2023-01-01", "--to", "2023-01-03", "--html", StorePath]);

        AssertRefused(result, "is the store");
        (await HashAsync(StorePath)).ShouldBe(before);
        (await data.ListRunsAsync()).Count.ShouldBe(runs);
    }

    [Fact]
    public async Task Report_HtmlIsAConfigFile_RefusedAndFileUnchanged()
    {
        var config = Path.Combine(data.DataDir, "settings.yaml");
        await File.WriteAllTextAsync(config, "log_level: Debug\n", Ct);

        var result = await Cli("backtest", "report", "--html", config);

        AssertRefused(result, "not an HTML report");
        (await File.ReadAllTextAsync(config, Ct)).ShouldBe("log_level: Debug\n");
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("1900-01-01", "2023-01-03")]
    [InlineData("2023-01-01", "2999-01-01")]
    public async Task Run_DatesFarOutsideTheData_OneErrorLine(string from, string to)
    {
        var result = await Cli([.. Run, "--from", from, "--to", to]);

        AssertRefused(result, "is outside");
    }

    [Fact]
    public async Task Run_UnknownSymbolWithoutAStore_RefusedAndNoStoreCreated()
    {
        using var empty = new TempDirectory();
        var dataDir = Path.Combine(empty.Path, "data");

        var result = await CliProcess.RunAsync(["backtest", "run", "--strategy", "rsi", "--symbol", "NOSUCHUSDT", "--from", "2023-01-01",
            "--to", "2023-01-03", "--data-dir", dataDir], ct: Ct);

        AssertRefused(result, "NOSUCHUSDT");
        Directory.Exists(dataDir).ShouldBeFalse();
    }

    private static void AssertRefused(CliProcess.Result result, string reason)
    {
        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        result.Error.ShouldContain(reason);
    }

    private static async Task<string> HashAsync(string path) => Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
}
