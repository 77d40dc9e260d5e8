using System.Diagnostics;
using Trading.Core.Data;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>
/// Imports kline files into the candle store: files are decompressed and parsed in parallel, then written in
/// file order in large batches while the next batch is being parsed. Bad rows are skipped and reported;
/// an unreadable file is reported and the others go on.
/// </summary>
public sealed class CandleImporter(ICandleStore store, TimeProvider clock)
{
    private const int MaxProblemsKept = 200;

    /// <summary>Rows per store transaction.</summary>
    public int BatchSize { get; init; } = 200_000;

    public async Task<ImportSummary> ImportAsync(
        IReadOnlyList<string> files, KlineFileOptions? options = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var watch = Stopwatch.StartNew();
        options ??= KlineFileOptions.Default;
        if (options.LatestAllowedOpenMs == long.MaxValue)
            options = options with { LatestAllowedOpenMs = new CandleValidator(CandleValidationOptions.Historical, clock).LatestAllowedOpenMs };

        var trackers = new Dictionary<(Symbol, Timeframe), SeriesImportTracker>();
        var problems = new List<RowProblem>();
        var errors = new List<string>();
        long skipped = 0, written = 0;
        var filesDone = 0;
        var batch = new List<IReadOnlyList<Candle>>();
        var batchRows = 0;
        Task<long> pendingWrite = Task.FromResult(0L);

        async Task FlushAsync()
        {
            written += await pendingWrite.ConfigureAwait(false);
            pendingWrite = Task.FromResult(0L);
            progress?.Report(new ImportProgress(filesDone, files.Count, written));
            if (batchRows == 0) return;
            var rows = batch;
            pendingWrite = Task.Run(() => store.UpsertAsync(rows.SelectMany(c => c), ct), ct);
            batch = [];
            batchRows = 0;
        }

        await foreach (var result in KlineFileReader.ReadManyAsync(files, options, ct: ct).ConfigureAwait(false))
        {
            filesDone++;
            if (result.File is not { } file)
            {
                errors.Add(result.Error!);
                continue;
            }
            skipped += file.SkippedRows;
            problems.AddRange(file.Problems.Take(MaxProblemsKept - problems.Count));
            var key = (file.Symbol, file.Timeframe);
            if (!trackers.TryGetValue(key, out var tracker)) trackers[key] = tracker = new SeriesImportTracker(file.Symbol, file.Timeframe);
            tracker.Add(file.Candles);
            batch.Add(file.Candles);
            batchRows += file.Candles.Count;
            if (batchRows >= BatchSize) await FlushAsync().ConfigureAwait(false);
            else progress?.Report(new ImportProgress(filesDone, files.Count, written));
        }
        await FlushAsync().ConfigureAwait(false);
        written += await pendingWrite.ConfigureAwait(false);
        progress?.Report(new ImportProgress(filesDone, files.Count, written));

        var series = trackers.Values.Select(t => t.ToSummary()).OrderBy(s => s.Symbol.Name, StringComparer.Ordinal).ThenBy(s => s.Timeframe.DurationMs).ToList();
        return new ImportSummary(series, written, skipped, problems, errors, files.Count, watch.Elapsed);
    }
}
