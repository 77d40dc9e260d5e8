using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Data;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("trading-cli-data-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Zip1m(string day) => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{day}.zip");

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", _dataDir], ct: Ct);

    [Fact]
    public async Task ImportListGaps_HaltDays_ShowRowsSpansAndTheHaltGap()
    {
        var import = await Run("data", "import", Zip1m("2023-03-23"), Zip1m("2023-03-24"), Path.Combine(RepoPaths.BtcUsdt1hDir, "BTCUSDT-1h-2023-03-24.zip"));
        import.ExitCode.ShouldBe(0, import.Error);
        import.Output.ShouldContain("2,800");
        import.Output.ShouldContain("gap BTCUSDT 1m: 2023-03-24 12:40 to 2023-03-24 13:59 (80 missing 1m candles)");
        import.Output.ShouldContain("gap BTCUSDT 1h: 2023-03-24 13:00 to 2023-03-24 13:00 (1 missing 1h candles)");
        import.Output.ShouldContain("imported 2,823 rows of 2 series from 3 of 3 file(s)");

        var list = await Run("data", "list");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldMatch(@"BTCUSDT\s*│\s*1m\s*│\s*2,800\s*│\s*2023-03-23 00:00\s*│\s*2023-03-24 23:59\s*│\s*1\s");
        list.Output.ShouldMatch(@"BTCUSDT\s*│\s*1h\s*│\s*23\s*│");

        var gaps = await Run("data", "gaps", "--symbol", "BTCUSDT", "--timeframe", "1m");
        gaps.ExitCode.ShouldBe(0, gaps.Error);
        gaps.Output.ShouldMatch(@"2023-03-24 12:40\s*│\s*2023-03-24 13:59\s*│\s*80");
        gaps.Output.ShouldContain("BTCUSDT 1m: 1 gap(s), 80 missing candle(s)");
    }

    [Fact]
    public async Task Resample_HaltDay1mInto1h_WritesBinancesHoursAndNamesThePartialHour()
    {
        (await Run("data", "import", Zip1m("2023-03-24"))).ExitCode.ShouldBe(0);

        var result = await Run("data", "resample", "--symbol", "BTCUSDT", "--timeframe", "1h");
        var gaps = await Run("data", "gaps", "--symbol", "BTCUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("partial 2023-03-24 12:00: 40 of 60 1m candles");
        result.Output.ShouldContain("wrote 23 BTCUSDT 1h candles from 1m; 1 partial bucket(s) built from what exists");
        gaps.Output.ShouldContain("BTCUSDT 1h: 1 gap(s), 1 missing candle(s)");
    }

    [Fact]
    public async Task Import_OnlyATruncatedZip_ExitsNonZeroWithOneLineError()
    {
        var truncated = Path.Combine(_dataDir, "BTCUSDT-1m-2024-01-01.zip");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(Zip1m("2024-01-01"), Ct))[..500], Ct);

        var result = await Run("data", "import", truncated);

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldStartWith($"error: nothing imported: {truncated}: corrupt or truncated file");
        result.Error.Trim().ShouldNotContain('\n');
    }

    [Fact]
    public async Task Import_CsvWithoutSymbol_FailsAndWithSymbolSucceedsReportingCorruptLines()
    {
        var csv = Path.Combine(RepoPaths.SharedData, "csv", "btc_4h_data_2018_to_2025.csv");

        var without = await Run("data", "import", csv);
        without.ExitCode.ShouldBe(1);
        without.Error.ShouldContain("pass --symbol");

        var with = await Run("data", "import", csv, "--symbol", "BTCUSDT");
        with.ExitCode.ShouldBe(0, with.Error);
        with.Output.ShouldContain("skipped btc_4h_data_2018_to_2025.csv:1109: duplicate open time 2018-07-06 00:00");
        with.Output.ShouldContain("skipped btc_4h_data_2018_to_2025.csv:17590: unreadable open time");
    }

    [Theory]
    [InlineData("data", "import", "/no/such/file.zip")]
    [InlineData("data", "gaps", "--symbol", "BTCUSDT", "--timeframe", "7m")]
    [InlineData("data", "gaps", "--symbol", "BTC-USDT", "--timeframe", "1m")]
    public async Task BadArguments_ExitWithUsageError(params string[] args)
    {
        var result = await Run(args);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: ");
    }

    [Fact]
    public async Task Gaps_SeriesNotStored_ExitsNonZero()
    {
        var result = await Run("data", "gaps", "--symbol", "ETHUSDT", "--timeframe", "1h");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("no ETHUSDT 1h candles stored");
    }

    [Fact]
    public async Task Aggregate_SharedAggTradesWithCloseLabel_PrintsRightAlignedCsv()
    {
        var file = Path.Combine(RepoPaths.SharedData, "binance-spot", "aggTrades", "XRPETH", "XRPETH-aggTrades-2019-10-11_to_2019-10-13.csv");

        var result = await Run("data", "aggregate", "--file", file, "--timeframe", "1h", "--label", "close");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("close_time,open,high,low,close,volume,quote_volume,trades");
        lines[1].ShouldStartWith("2019-10-11T01:00:00Z,0.00141342,");
    }

    [Fact]
    public async Task Aggregate_Store_WritesCandlesListedAfterwards()
    {
        var file = Path.Combine(RepoPaths.SharedData, "binance-spot", "aggTrades", "XRPETH", "XRPETH-aggTrades-2019-10-11_to_2019-10-13.csv");

        var result = await Run("data", "aggregate", "--file", file, "--timeframe", "1h", "--store");
        var list = await Run("data", "list");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("XRPETH 1h candles from 12,477 trades");
        list.Output.ShouldMatch(@"XRPETH\s*│\s*1h\s*│");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
