using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Trading.Cli.Output;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Storage;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary>
/// Prints a stored optimisation: the ranking as a table (one column per parameter, sorted by the objective, whose column is
/// marked ▼; profit in the quote asset at its precision), the walk-forward folds, or all of it as JSON with <c>--json</c>.
/// </summary>
internal static class OptimizationOutput
{
    public const int ShownRows = 20;

    public static void Print(BacktestRunRecord record, AmountPrecision precision, bool asJson)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(precision);
        var summary = BacktestJson.Deserialize<OptimizationSummary>(record.StatisticsJson);
        if (asJson)
        {
            CliJson.Write(new { id = record.Id, kind = record.Kind, strategy = record.Strategy, symbol = record.Symbol, timeframe = record.Timeframe,
                result = JsonDocument.Parse(record.StatisticsJson).RootElement });
            return;
        }
        var console = CliConsole.Create();
        console.Write(OptimizationRankingTable.Create(record, summary, Balance(record), precision));
        if (summary.WalkForward.Count > 0) console.Write(Folds(summary));
    }

    private static Table Folds(OptimizationSummary summary)
    {
        var names = ParameterNames(summary.WalkForward.Select(f => f.Parameters));
        var folds = new Table().Border(TableBorder.Rounded).Title("Walk-forward: best in-sample parameters, scored on the next window");
        folds.AddColumn("Fold");
        folds.AddColumn("In-sample");
        folds.AddColumn("Out-of-sample");
        foreach (var name in names) folds.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        foreach (var column in new[] { $"IS {summary.Metric}", $"OOS {summary.Metric}", "IS return", "OOS return" })
            folds.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var fold in summary.WalkForward)
        {
            var cells = new List<string>
            {
                fold.Number.ToString(CultureInfo.InvariantCulture), $"{Day(fold.InSampleFromMs)} → {Day(fold.OutOfSampleFromMs - 1)}",
                $"{Day(fold.OutOfSampleFromMs)} → {Day(fold.OutOfSampleToMs - 1)}",
            };
            cells.AddRange(names.Select(n => fold.Parameters.GetValueOrDefault(n, "")));
            cells.AddRange([StatisticsRows.Ratio(fold.InSampleScore), StatisticsRows.Ratio(fold.OutOfSampleScore),
                StatisticsRows.Percent(fold.InSampleReturn), StatisticsRows.Percent(fold.OutOfSampleReturn)]);
            folds.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
        }
        return folds;
    }

    /// <summary>Every parameter name of the rows, in a stable (ordinal) order: one column each.</summary>
    public static IReadOnlyList<string> ParameterNames(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        [.. rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The starting balance the search used (stored with its request), or null for a run stored without it.</summary>
    private static decimal? Balance(BacktestRunRecord record)
    {
        using var parameters = JsonDocument.Parse(record.ParametersJson);
        return parameters.RootElement.TryGetProperty("balance", out var balance) && balance.TryGetDecimal(out var value) ? value : null;
    }
}
