using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Import;

public sealed class CandleImporterTests : IAsyncLifetime
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly string _dir = Directory.CreateTempSubdirectory("candle-importer-").FullName;
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir, Ct);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private CandleImporter Importer => new(_store.Candles, TimeProvider.System);

    [Fact]
    public async Task ImportAsync_WholeShared1mFolder_StoresEveryRowAndReportsTheHalt()
    {
        var files = KlineFileReader.ExpandPaths([RepoPaths.BtcUsdt1mDir]);

        var summary = await Importer.ImportAsync(files, ct: Ct);

        summary.RowsWritten.ShouldBe(1_306_000);
        summary.RowsSkipped.ShouldBe(0);
        summary.FileErrors.ShouldBeEmpty();
        var series = summary.Series.ShouldHaveSingleItem();
        (series.First, series.Last).ShouldBe((new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 25, 23, 59, 0, TimeSpan.Zero)));
        series.Gaps.ShouldHaveSingleItem().ToString().ShouldBe("2023-03-24 12:40 to 2023-03-24 13:59 (80 missing 1m candles)");
        var stored = (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem();
        stored.Count.ShouldBe(1_306_000);
        (await StoredSeriesGaps.FindAsync(_store.Candles, Btc, Timeframe.M1, Ct)).ShouldHaveSingleItem().MissingCount.ShouldBe(80);
    }

    [Fact]
    public async Task ImportAsync_CorruptLineAndTruncatedZip_StoresOnlyValidRowsAndReportsBoth()
    {
        var good = Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2024-01-01.zip");
        var truncated = Path.Combine(_dir, "BTCUSDT-1m-2024-01-02.zip");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2024-01-02.zip"), Ct);
        await File.WriteAllBytesAsync(truncated, bytes[..1000], Ct);
        var csv = Path.Combine(_dir, "BTCUSDT-1m-2024-01-03.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "1704240000000,45000.00,45100.00,44900.00,45050.00,10.0,1704240059999,450000.0,100,5,2,0",
            "1704240060000,45050.00,44000.00,44900.00,45060.00,10.0,1704240119999,450000.0,100,5,2,0",
            "1704240120000,45060.00,45070.00,45000.00,45065.00,NaN,1704240179999,450000.0,100,5,2,0",
            "1704240180000,45065.00,45080.00,45060.00,45070.00,3.0,1704240239999,135000.0,30,1,1,0",
        ], Ct);

        var summary = await Importer.ImportAsync(KlineFileReader.ExpandPaths([good, truncated, csv]), ct: Ct);

        summary.RowsWritten.ShouldBe(1440 + 2);
        summary.RowsSkipped.ShouldBe(2);
        summary.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "BTCUSDT-1m-2024-01-03.csv:2: high 44000.00 is below low 44900.00",
            "BTCUSDT-1m-2024-01-03.csv:3: unreadable value in column 6",
        ]);
        summary.FileErrors.ShouldHaveSingleItem().ShouldStartWith(truncated + ": corrupt or truncated file");
        var stored = new List<Candle>();
        await foreach (var c in _store.Candles.ReadAsync(Btc, Timeframe.M1, 1704240000000, long.MaxValue, Ct)) stored.Add(c);
        stored.Select(c => c.OpenTimeMs).ShouldBe([1704240000000, 1704240180000]);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_DoesNotDuplicateRows()
    {
        var file = Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2023-03-24.zip");
        await Importer.ImportAsync([file], ct: Ct);
        var second = await Importer.ImportAsync([file], ct: Ct);

        second.RowsWritten.ShouldBe(1360);
        (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(1360);
    }

    [Fact]
    public async Task ImportAsync_StoreFailsOnSecondBatch_ThrowsThatErrorAndKeepsTheFirstBatch()
    {
        var files = Enumerable.Range(1, 200).Select(d => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{new DateOnly(2023, 1, 1).AddDays(d - 1):yyyy-MM-dd}.zip")).ToList();
        var importer = new CandleImporter(new FailsOnSecondUpsert(_store.Candles), TimeProvider.System) { BatchSize = 1440 };

        var error = await Should.ThrowAsync<IOException>(() => importer.ImportAsync(files, ct: Ct));

        error.Message.ShouldBe("disk full");
        (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(1440);
    }

    [Fact]
    public async Task ImportAsync_WithProgress_ReportsEveryFileAndTheCommittedRows()
    {
        var files = new[] { "2024-01-01", "2024-01-02", "2024-01-03" }.Select(d => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{d}.zip")).ToList();
        var reports = new List<ImportProgress>();

        await Importer.ImportAsync(files, progress: new SyncProgress(reports.Add), ct: Ct);

        reports.Select(r => r.FilesDone).Distinct().ShouldBe([1, 2, 3]);
        reports.ShouldAllBe(r => r.FilesTotal == 3);
        reports[^1].RowsWritten.ShouldBe(3 * 1440);
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task EnsureImportedAsync_RunTwice_ImportsOnlyOnce()
    {
        var sample = Path.Combine(_dir, "sample");
        Directory.CreateDirectory(sample);
        foreach (var day in new[] { "2023-03-23", "2023-03-24" })
            File.Copy(Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{day}.zip"), Path.Combine(sample, $"BTCUSDT-1m-{day}.zip"));

        var first = await SampleData.EnsureImportedAsync(_store, sample, ct: Ct);
        var second = await SampleData.EnsureImportedAsync(_store, sample, ct: Ct);

        first.Imported.ShouldBeTrue();
        first.Rows.ShouldBe(1440 + 1360);
        second.Imported.ShouldBeFalse();
        second.Rows.ShouldBe(first.Rows);
        (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(2800);
    }

    [Fact]
    public void FindDirectory_FromTestBinaries_FindsBundledSample()
    {
        var dir = SampleData.FindDirectory().ShouldNotBeNull();
        KlineFileReader.ExpandPaths([dir]).Count.ShouldBe(177);
    }

    /// <summary>The real store, failing its second transaction as a full disk would.</summary>
    private sealed class FailsOnSecondUpsert(ICandleStore inner) : DelegatingCandleStore(inner)
    {
        private int upserts;

        public override Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default) =>
            Interlocked.Increment(ref upserts) == 2 ? throw new IOException("disk full") : Inner.UpsertAsync(candles, ct);
    }
}
