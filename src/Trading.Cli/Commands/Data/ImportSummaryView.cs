using Spectre.Console;
using Trading.Core.Model;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary>Renders an <see cref="ImportSummary"/>: per-series table, gaps, skipped rows with reasons and unreadable files.</summary>
internal static class ImportSummaryView
{
    private const int MaxListed = 20;

    public static void Write(IAnsiConsole console, ImportSummary summary, MarketType market = MarketType.Spot)
    {
        var table = new Table().AddColumns("Market", "Symbol", "Timeframe", "Rows", "First", "Last", "Gaps");
        foreach (var s in summary.Series)
            table.AddRow(MarketNames.Name(market), s.Symbol.Name, s.Timeframe.Name, s.Rows.ToString("N0"), DataOptions.Time(s.FirstOpenTimeMs), DataOptions.Time(s.LastOpenTimeMs), s.Gaps.Count.ToString());
        console.Write(table);
        foreach (var s in summary.Series)
            foreach (var gap in s.Gaps.Take(MaxListed))
                console.WriteLine($"gap {s.Symbol} {s.Timeframe}: {gap}");
        foreach (var problem in summary.Problems.Take(MaxListed))
            console.WriteLine($"skipped {problem}");
        foreach (var error in summary.FileErrors.Take(MaxListed))
            console.WriteLine($"unreadable {error}");
        console.WriteLine(
            $"imported {summary.RowsWritten:N0} rows of {summary.Series.Count} series from {summary.FilesTotal - summary.FileErrors.Count} of {summary.FilesTotal} file(s) " +
            $"in {summary.Elapsed.TotalSeconds:F1} s; {summary.GapCount} gap(s), {summary.RowsSkipped:N0} row(s) skipped, {summary.FileErrors.Count} file(s) unreadable");
    }

    public static string WhyNothing(ImportSummary summary)
    {
        if (summary.FileErrors.Count > 0)
            return summary.FileErrors[0] + (summary.FileErrors.Count > 1 ? $" (and {summary.FileErrors.Count - 1} more unreadable file(s))" : "");
        if (summary.Problems.Count > 0)
            return $"all {summary.RowsSkipped:N0} row(s) were invalid, first {summary.Problems[0]}";
        return "the files hold no rows";
    }
}
