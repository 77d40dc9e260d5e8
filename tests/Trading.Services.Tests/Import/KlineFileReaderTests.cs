using Shouldly;
using Trading.Core.Model;
using Trading.Services.Import;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Import;

public sealed class KlineFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kline-reader-").FullName;

    private static string DailyZip(string date) => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{date}.zip");

    [Fact]
    public void Read_BinanceDailyZip_InfersSeriesAndReadsWholeDay()
    {
        var file = KlineFileReader.Read(DailyZip("2024-01-01"));
        file.Symbol.ShouldBe(new Symbol("BTCUSDT"));
        file.Timeframe.ShouldBe(Timeframe.M1);
        file.Candles.Count.ShouldBe(1440);
        file.Candles[0].OpenTimeMs.ShouldBe(1704067200000);
        file.Candles[0].Open.ShouldBe(42283.58m);
        file.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_TruncatedZip_ThrowsOneLineErrorNamingFile()
    {
        var bytes = File.ReadAllBytes(DailyZip("2024-01-02"));
        var truncated = Path.Combine(_dir, "BTCUSDT-1m-2024-01-02.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var error = Should.Throw<KlineFileException>(() => KlineFileReader.Read(truncated));
        error.Message.ShouldStartWith(truncated + ": corrupt or truncated file");
        error.Message.ShouldNotContain('\n');
    }

    [Fact]
    public void Read_KaggleCsvWithCorruptRows_SkipsDuplicateAndEmptyTimeWithLines()
    {
        var path = Path.Combine(RepoPaths.SharedData, "csv", "btc_4h_data_2018_to_2025.csv");
        var file = KlineFileReader.Read(path, new KlineFileOptions(Symbol: new Symbol("BTCUSDT")));
        file.Timeframe.ShouldBe(Timeframe.H4);
        file.Problems.ShouldContain(p => p.Line == 1109 && p.Reason.Contains("duplicate open time 2018-07-06 00:00"));
        file.Problems.ShouldContain(p => p.Line == 1110 && p.Reason.StartsWith("open 108888.0 breaks away from the previous close 6530.0", StringComparison.Ordinal));
        file.Problems.ShouldContain(p => p.Line == 17590 && p.Reason == "unreadable open time");
        file.Problems.Count.ShouldBe(3);
        file.Candles.Single(c => c.OpenTime == new DateTimeOffset(2018, 7, 6, 4, 0, 0, TimeSpan.Zero)).Open.ShouldBe(6530.0m);
        file.Candles.Select(c => c.OpenTimeMs).ShouldBeInOrder(SortDirection.Ascending);
        file.Candles.Count.ShouldBe(17589 - (int)file.SkippedRows);
    }

    [Fact]
    public void Read_CsvWithoutSymbolInName_AsksForSymbol()
    {
        var path = Path.Combine(RepoPaths.SharedData, "csv", "btc_1d_data_2018_to_2025.csv");
        Should.Throw<KlineFileException>(() => KlineFileReader.Read(path)).Message.ShouldEndWith("pass --symbol");
    }

    [Fact]
    public async Task ReadManyAsync_BadFileAmongGood_YieldsErrorInOrderAndContinues()
    {
        var bad = Path.Combine(_dir, "BTCUSDT-1m-2024-01-02.zip");
        File.WriteAllText(bad, "not a zip");
        var paths = new[] { DailyZip("2024-01-01"), bad, DailyZip("2024-01-03") };

        var results = new List<KlineFileResult>();
        await foreach (var r in KlineFileReader.ReadManyAsync(paths, ct: TestContext.Current.CancellationToken)) results.Add(r);

        results.Select(r => r.Path).ShouldBe(paths);
        results[0].File!.Candles.Count.ShouldBe(1440);
        results[1].Error.ShouldStartWith(bad + ": ");
        results[2].File!.Candles[0].OpenTime.ShouldBe(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ExpandPaths_Folder_ListsZipsRecursivelySortedByName()
    {
        var files = KlineFileReader.ExpandPaths([RepoPaths.BtcUsdt1mDir]);
        files.Count.ShouldBe(907);
        Path.GetFileName(files[0]).ShouldBe("BTCUSDT-1m-2022-01-01.zip");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
