using System.Security.Cryptography;
using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>`backtest run --market usdm` on the fixture's real BTCUSDT candles: it runs, reports funding, and refuses bad input.</summary>
public sealed class FuturesBacktestCommandTests(BacktestDataFixture data) : IClassFixture<BacktestDataFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Run = ["backtest", "run", "--strategy", "rsi", "--symbol", "BTCUSDT", "--from", "2023-01-01", "--to", "2023-01-03"];

    private Task<CliProcess.Result> Cli(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], ct: Ct);

    private Task<CliProcess.Result> CliWith(string key, string value, params string[] args) =>
        CliProcess.RunAsync([.. args, "--data-dir", data.DataDir], new Dictionary<string, string?> { [key] = value }, ct: Ct);

    [Fact]
    public async Task Run_UsdmWithLeverageAndStatedFunding_ReportsShortsFundingAndTheStandIn()
    {
        var result = await CliWith("RISK_FUTURES_MAX_LEVERAGE", "3", [.. Run, "--market", "usdm", "--leverage", "3", "--funding-rate", "0.0001", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var futures = json.RootElement.GetProperty("futures");
        futures.GetProperty("leverage").GetInt32().ShouldBe(3);
        futures.GetProperty("spotCandlesStandIn").GetBoolean().ShouldBeTrue();
        futures.GetProperty("fundingSource").GetString()!.ShouldContain("constant funding rate 0.0001");
        // Three days hold nine settlements (00:00, 08:00, 16:00); the rsi strategy holds a position at most of them.
        futures.GetProperty("fundingSettlements").GetInt32().ShouldBeInRange(1, 9);
        json.RootElement.GetProperty("statistics").GetProperty("trades").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Run_FundingFile_SettlesAtItsRows()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "BTCUSDT-fundingRate-2023-01.csv");
        await File.WriteAllTextAsync(file, "calc_time,funding_interval_hours,last_funding_rate\n1672531200000,8,0.0001\n1672560000000,8,-0.0002\n", Ct);

        var result = await Cli([.. Run, "--market", "usdm", "--funding-file", file, "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var futures = json.RootElement.GetProperty("futures");
        futures.GetProperty("fundingSource").GetString().ShouldBe("2 funding settlements from BTCUSDT-fundingRate-2023-01.csv");
        futures.GetProperty("fundingSettlements").GetInt32().ShouldBeLessThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("--leverage 126 --funding-rate 0.0001", "--leverage 126 is outside 1..125")]
    [InlineData("--leverage 2", "needs funding")]
    [InlineData("--funding-rate abc", "abc")]
    [InlineData("--funding-rate 0.5", "is not a funding rate per 8 h")]
    public async Task Run_BadFuturesOption_OneErrorLineAndNothingStored(string options, string reason)
    {
        var runs = (await data.ListRunsAsync()).Count;
        var before = await HashAsync(Path.Combine(data.DataDir, "trading.db"));

        var result = await Cli([.. Run, "--market", "usdm", .. options.Split(' ')]);

        AssertRefused(result, reason);
        (await data.ListRunsAsync()).Count.ShouldBe(runs);
        (await HashAsync(Path.Combine(data.DataDir, "trading.db"))).ShouldBe(before);
    }

    [Theory]
    [InlineData("1672531200000,8,zz", "last_funding_rate 'zz'")]
    [InlineData("1672531200000,-8,0.0001", "funding_interval_hours '-8'")]
    [InlineData("-1672531200000,8,0.0001", "calc_time '-1672531200000'")]
    public async Task Run_GarbledOrNegativeFundingFileValue_OneErrorLineNamingTheLine(string row, string reason)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "BTCUSDT-fundingRate-2023-01.csv");
        await File.WriteAllTextAsync(file, $"calc_time,funding_interval_hours,last_funding_rate\n{row}\n", Ct);
        var runs = (await data.ListRunsAsync()).Count;

        var result = await Cli([.. Run, "--market", "usdm", "--funding-file", file]);

        AssertRefused(result, $"BTCUSDT-fundingRate-2023-01.csv line 2: {reason}");
        (await data.ListRunsAsync()).Count.ShouldBe(runs);
    }

    [Fact]
    public async Task Run_UnknownFuturesSymbol_OneErrorLine()
    {
        var result = await Cli("backtest", "run", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2023-01-01", "--to", "2023-01-03",
            "--market", "usdm", "--funding-rate", "0.0001");

        AssertRefused(result, "unknown futures symbol ETHUSDT");
    }

    [Fact]
    public async Task Run_LeverageAboveTheConfiguredMaximum_IsRefusedNamingTheSetting()
    {
        var result = await Cli([.. Run, "--market", "usdm", "--leverage", "3", "--funding-rate", "0.0001"]);

        AssertRefused(result, "--leverage 3 is above RISK_FUTURES_MAX_LEVERAGE 2");
    }

    [Fact]
    public async Task Run_ConfiguredExposureLimit_DeniesEntriesWithItsReason()
    {
        // rsi buys 0.001 BTC (about 17 USDT in January 2023): 0.01 % of 10,000 equity is 1 USDT, so every entry is denied.
        var result = await CliWith("RISK_FUTURES_MAX_EXPOSURE_PCT", "0.01", [.. Run, "--market", "usdm", "--funding-rate", "0.0001", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("statistics").GetProperty("trades").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Run_InvalidFuturesRiskSetting_OneErrorLineNamingIt()
    {
        var result = await CliWith("RISK_FUTURES_MAX_LEVERAGE", "200", [.. Run, "--market", "usdm", "--funding-rate", "0.0001"]);

        AssertRefused(result, "RISK_FUTURES_MAX_LEVERAGE");
    }

    [Fact]
    public async Task Run_LeverageWithoutUsdm_IsRefused()
    {
        var result = await Cli([.. Run, "--leverage", "3"]);

        AssertRefused(result, "need --market usdm");
    }

    private static void AssertRefused(CliProcess.Result result, string reason)
    {
        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        result.Error.ShouldContain(reason);
    }

    private static async Task<string> HashAsync(string path) => Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct)));
}
