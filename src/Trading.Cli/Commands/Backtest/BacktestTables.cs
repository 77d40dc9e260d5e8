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
            .Title(Markup.Escape($"{report.Strategy} {report.Symbol} {report.Timeframe} {report.From:yyyy-MM-dd} → {report.To:yyyy-MM-dd}"))
            .Caption(Markup.Escape($"run {report.RunId} · {parameters}"));
        table.AddColumn("Statistic");
        table.AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (label, value) in StatisticsRows.For(report.Statistics))
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        return table;
    }
}
