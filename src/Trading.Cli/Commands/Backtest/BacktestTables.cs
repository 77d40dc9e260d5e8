using Spectre.Console;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Backtesting.Statistics;

namespace Trading.Cli.Commands.Backtest;

/// <summary>Spectre tables for backtest output.</summary>
internal static class BacktestTables
{
    public static Table Statistics(BacktestReport report)
    {
        var parameters = string.Join(' ', report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Backtest {report.RunId}: {report.Strategy} {parameters}"))
            .Caption(Markup.Escape($"{report.Symbol} {report.Timeframe} {report.From:yyyy-MM-dd HH:mm} → {report.To:yyyy-MM-dd HH:mm} UTC"));
        table.Expand = false;
        table.AddColumn(new TableColumn("Statistic") { Width = 28 });
        table.AddColumn(new TableColumn("Value") { Width = 28 }.RightAligned());
        foreach (var (label, value) in StatisticsRows.For(report.Statistics))
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        return table;
    }
}
