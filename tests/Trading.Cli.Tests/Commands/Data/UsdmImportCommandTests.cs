using System.Security.Cryptography;
using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Data;

/// <summary>
/// `data import --market usdm` of futures/um kline zips and `--funding` fundingRate files, `data list` showing the market,
/// bad funding files refused with nothing stored, and `backtest run --market usdm` on what was imported.
/// </summary>
public sealed class UsdmImportCommandTests : IDisposable
{
    private static readonly DateTimeOffset Jan1 = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", DataDir], ct: Ct);

    private string FundingFile(string name, params string[] rows) => FuturesFiles.WriteFunding(_dir.Path, name, zip: true, rows);

    [Fact]
    public async Task ImportAndBacktest_UsdmKlinesAndFunding_ListedByMarketAndTradedOn()
    {
        var days = new[] { "2023-01-01", "2023-01-02", "2023-01-03" };
        var spot = days.Select(d => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{d}.zip")).ToArray();
        var futures = days.Select(d => FuturesFiles.WriteKlineZip(_dir.Path, d, 1.001m)).ToArray();
        var funding = FundingFile("BTCUSDT-fundingRate-2023-01",
            [.. Enumerable.Range(0, 9).Select(i => FuturesFiles.FundingRow(Jan1.AddHours(8 * i), i % 3 == 0 ? -0.0002m : 0.0001m))]);

        (await Run(["data", "import", .. spot])).ExitCode.ShouldBe(0);
        var klines = await Run(["data", "import", "--market", "usdm", .. futures]);
        var rates = await Run("data", "import", "--market", "usdm", "--funding", funding);
        var list = await Run("data", "list");
        var backtest = await Run("backtest", "run", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03",
            "--market", "usdm", "--json");

        klines.ExitCode.ShouldBe(0, klines.Error);
        klines.Output.ShouldMatch(@"usdm\s*│\s*BTCUSDT\s*│\s*1m\s*│\s*4,320\s*│");
        rates.ExitCode.ShouldBe(0, rates.Error);
        rates.Output.ShouldMatch(@"usdm\s*│\s*BTCUSDT\s*│\s*9\s*│\s*2023-01-01 00:00\s*│\s*2023-01-03 16:00\s*│\s*-0.0002\s*│\s*0.0001\s*│\s*1");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldMatch(@"spot\s*│\s*BTCUSDT\s*│\s*1m\s*│\s*4,320\s*│");
        list.Output.ShouldMatch(@"usdm\s*│\s*BTCUSDT\s*│\s*1m\s*│\s*4,320\s*│");
        list.Output.ShouldMatch(@"BTCUSDT\s*│\s*9\s*│\s*2023-01-01 00:00\s*│\s*2023-01-03 16:00");
        backtest.ExitCode.ShouldBe(0, backtest.Error);
        using var json = JsonDocument.Parse(backtest.Output);
        var summary = json.RootElement.GetProperty("futures");
        summary.GetProperty("spotCandlesStandIn").GetBoolean().ShouldBeFalse();
        summary.GetProperty("fundingSource").GetString().ShouldBe("9 stored funding settlements of BTCUSDT (2023-01-01 00:00 to 2023-01-03 16:00)");
    }

    [Theory]
    [InlineData("1672560000000,8,0.0001e", "line 3: last_funding_rate '0.0001e'")]
    [InlineData("-1672560000000,8,0.0001", "line 3: calc_time '-1672560000000'")]
    [InlineData("1672560000000,-8,0.0001", "line 3: funding_interval_hours '-8'")]
    public async Task ImportFunding_BadRowAfterAGoodFile_OneErrorLineNamingFileAndLineAndNothingStored(string badRow, string reason)
    {
        var earlier = FundingFile("BTCUSDT-fundingRate-2022-12", FuturesFiles.FundingRow(Jan1.AddHours(-8), 0.0001m));
        (await Run("data", "import", "--market", "usdm", "--funding", earlier)).ExitCode.ShouldBe(0);
        var good = FundingFile("BTCUSDT-fundingRate-2022-11", FuturesFiles.FundingRow(Jan1.AddDays(-40), 0.0001m));
        var bad = FundingFile("BTCUSDT-fundingRate-2023-01", FuturesFiles.FundingRow(Jan1, -0.0001m), badRow);
        var before = await HashAsync();

        var result = await Run("data", "import", "--market", "usdm", "--funding", good, bad);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: BTCUSDT-fundingRate-2023-01.zip {reason}");
        (await HashAsync()).ShouldBe(before);
        (await Run("data", "list")).Output.ShouldMatch(@"BTCUSDT\s*│\s*1\s*│\s*2022-12-31 16:00");
    }

    [Theory]
    [InlineData("--market spot --funding", "use --funding with --market usdm")]
    [InlineData("--market coinm", "unknown market 'coinm'")]
    [InlineData("--funding --timeframe 1h", "--timeframe does not apply to --funding")]
    public async Task Import_BadMarketOption_OneErrorLineAndNoStoreCreated(string options, string reason)
    {
        var file = FundingFile("BTCUSDT-fundingRate-2023-01", FuturesFiles.FundingRow(Jan1, 0.0001m));

        var result = await Run(["data", "import", file, .. options.Split(' ')]);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain(reason);
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();

    private async Task<string> HashAsync() =>
        Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(DataDir, "trading.db"), Ct)));
}
