using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Trading.Cli.Output;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Storage;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary>
/// The optimizer's ranking: one right-aligned column per parameter, then the statistics, best first by the objective (its
/// column marked ▼, never repeated), at most <see cref="OptimizationOutput.ShownRows"/> rows with how many there were.
/// </summary>
internal static class OptimizationRankingTable
{
    private const string Sorted = " ▼";

    public static Table Create(BacktestRunRecord record, OptimizationSummary summary, decimal? balance, AmountPrecision precision)
    {
        var quote = precision.QuoteAsset(record.Symbol);
        var names = OptimizationOutput.ParameterNames(summary.Ranking.Select(r => r.Parameters));
        var shown = summary.Ranking.OrderBy(r => r.Rank).Take(OptimizationOutput.ShownRows).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Title(record, summary)))
            .Caption(Markup.Escape(Caption(record, summary, shown.Count)));
        table.AddColumn(new TableColumn("#").RightAligned());
        foreach (var name in names) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        var statistics = new List<(string Header, string Metric, Func<OptimizationSummary.Row, string> Value)>
        {
            ("Return", "return", r => StatisticsRows.Percent(r.TotalReturn)),
            ("Sharpe", "sharpe", r => StatisticsRows.Ratio(r.Sharpe)),
            ("Calmar", "calmar", r => StatisticsRows.Ratio(r.Calmar)),
            ("Profit factor", "profit_factor", r => r.ProfitFactor is { } pf ? StatisticsRows.Ratio(pf) : "n/a"),
            ("Max DD", "", r => StatisticsRows.Percent(-r.MaxDrawdown)),
            ("Trades", "", r => r.Trades.ToString("N0", CultureInfo.InvariantCulture)),
        };
        if (balance is { } start)
            statistics.Insert(1, (quote is null ? "Profit" : $"Profit {quote}", "", r => Profit(start, r.TotalReturn, quote, precision)));
        foreach (var (header, metric, _) in statistics)
            table.AddColumn(new TableColumn(Markup.Escape(metric == summary.Metric ? header + Sorted : header)).RightAligned());
        foreach (var row in shown)
        {
            var cells = new List<string> { row.Rank.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(names.Select(n => row.Parameters.GetValueOrDefault(n, "")));
            cells.AddRange(statistics.Select(s => s.Value(row)));
            table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
        }
        return table;
    }

    private static string Title(BacktestRunRecord record, OptimizationSummary summary) => summary.WalkForward.Count > 0
        ? $"{record.Strategy} on {record.Symbol} {record.Timeframe}: the best in-sample parameters of {summary.WalkForward.Count} walk-forward folds, ranked by {summary.Metric}"
        : $"{record.Strategy} on {record.Symbol} {record.Timeframe}: {summary.Candidates:N0} parameter sets ranked by {summary.Metric}";

    private static string Caption(BacktestRunRecord record, OptimizationSummary summary, int shown)
    {
        var rows = shown < summary.Ranking.Count ? $"top {shown} of {summary.Ranking.Count} stored rows (--json prints them all) · " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{rows}run {record.Id} · {OptimizationOutput.Day(record.FromMs)} → {OptimizationOutput.Day(record.ToMs - 1)} · {summary.TrialsRun:N0} backtests in {summary.Seconds:0.0} s");
    }

    /// <summary>The profit on the starting balance, in the quote asset at its precision (2 decimals when its filters are unknown).</summary>
    private static string Profit(decimal balance, double totalReturn, string? quote, AmountPrecision precision)
    {
        if (!double.IsFinite(totalReturn) || Math.Abs(totalReturn) > 1e12) return "n/a";
        var profit = balance * (decimal)totalReturn;
        return quote is null
            ? Math.Round(profit, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture)
            : precision.AssetText(quote, profit);
    }
}
