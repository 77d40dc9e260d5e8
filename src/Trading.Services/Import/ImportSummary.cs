using Trading.Core.Data;

namespace Trading.Services.Import;

/// <summary>The outcome of an import: per-series results, skipped rows (the first few kept with reasons) and unreadable files.</summary>
public sealed record ImportSummary(
    IReadOnlyList<SeriesImportSummary> Series,
    long RowsWritten,
    long RowsSkipped,
    IReadOnlyList<RowProblem> Problems,
    IReadOnlyList<string> FileErrors,
    int FilesTotal,
    TimeSpan Elapsed)
{
    public long GapCount => Series.Sum(s => s.Gaps.Count);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsWritten / Elapsed.TotalSeconds : 0;
}
