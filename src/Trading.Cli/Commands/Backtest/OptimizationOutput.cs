using System.Globalization;
using Spectre.Console;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Storage;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary>Prints an optimisation: the ranked table, and in-sample against out-of-sample per walk-forward fold.</summary>
internal static class OptimizationOutput
{
    public const int ShownRows = 20;

    public static void Print(BacktestRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Print(record.Id, record.Strategy, BacktestJson.Deserialize<OptimizationSummary>(record.StatisticsJson));
    }

    public static void Print(string id, string strategy, OptimizationSummary summary)
    {
        var console = CliConsole.Create();
        var ranking = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{strategy}: best of {summary.Candidates:N0} parameter sets by {summary.Metric}"))
            .Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"run {id} · {summary.TrialsRun:N0} backtests in {summary.Seconds:0.0} s")));
        foreach (var column in new[] { "#", "Parameters", summary.Metric, "Return", "Sharpe", "Calmar", "Max DD", "Trades", "PF" })
            ranking.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var row in summary.Ranking.Take(ShownRows))
        {
            ranking.AddRow(Cell(row.Rank.ToString(CultureInfo.InvariantCulture)), Cell(Parameters(row.Parameters)), Cell(StatisticsRows.Ratio(row.Score)),
                Cell(StatisticsRows.Percent(row.TotalReturn)), Cell(StatisticsRows.Ratio(row.Sharpe)), Cell(StatisticsRows.Ratio(row.Calmar)),
                Cell(StatisticsRows.Percent(-row.MaxDrawdown)), Cell(row.Trades.ToString(CultureInfo.InvariantCulture)),
                Cell(row.ProfitFactor is { } pf ? StatisticsRows.Ratio(pf) : "n/a"));
        }
        console.Write(ranking);
        if (summary.WalkForward.Count == 0) return;

        var folds = new Table().Border(TableBorder.Rounded).Title("Walk-forward: in-sample vs out-of-sample");
        foreach (var column in new[] { "Fold", "In-sample from", "Out-of-sample", "Best parameters", $"IS {summary.Metric}", $"OOS {summary.Metric}", "IS return", "OOS return" })
            folds.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var fold in summary.WalkForward)
        {
            folds.AddRow(Cell(fold.Number.ToString(CultureInfo.InvariantCulture)), Cell(Day(fold.InSampleFromMs)),
                Cell($"{Day(fold.OutOfSampleFromMs)} → {Day(fold.OutOfSampleToMs)}"), Cell(Parameters(fold.Parameters)),
                Cell(StatisticsRows.Ratio(fold.InSampleScore)), Cell(StatisticsRows.Ratio(fold.OutOfSampleScore)),
                Cell(StatisticsRows.Percent(fold.InSampleReturn)), Cell(StatisticsRows.Percent(fold.OutOfSampleReturn)));
        }
        console.Write(folds);
    }

    private static string Parameters(IReadOnlyDictionary<string, string> values) =>
        string.Join(' ', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Text Cell(string text) => new(text);
}
