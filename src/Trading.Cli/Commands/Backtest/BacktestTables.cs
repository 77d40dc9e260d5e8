using Spectre.Console;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Backtesting.Statistics;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary>Spectre tables for backtest output.</summary>
internal static class BacktestTables
{
    /// <summary>The statistics as a table (or JSON with the run id), then the HTML report when a path is given.</summary>
    public static async Task PrintAsync(BacktestReport report, bool asJson, string? htmlPath, CancellationToken ct)
    {
        if (asJson && report.Portfolio is { } portfolio)
            await Console.Out.WriteLineAsync(BacktestJson.Serialize(new
            {
                id = report.RunId, report.Strategy, report.Symbol, report.Timeframe, report.Parameters, report.Statistics,
                portfolio = new { portfolio.Strategies, allocation = portfolio.Limits, peakHeatPct = portfolio.PeakHeatPct },
                futures = FuturesRunParameters.From(report.Futures),
            }));
        else if (asJson)
            await Console.Out.WriteLineAsync(report.Futures is null
                ? BacktestJson.Serialize(new { id = report.RunId, report.Strategy, report.Symbol, report.Timeframe, report.Parameters, report.Statistics })
                : BacktestJson.Serialize(new
                {
                    id = report.RunId, report.Strategy, report.Symbol, report.Timeframe, report.Parameters, report.Statistics,
                    futures = FuturesRunParameters.From(report.Futures),
                }));
        else
        {
            var console = CliConsole.Create();
            console.Write(Statistics(report));
            if (report.Portfolio is { } strategies) console.Write(PortfolioTable.For(strategies));
        }
        if (htmlPath is null) return;
        await HtmlReportWriter.WriteAsync(report, htmlPath, ct);
        await Console.Error.WriteLineAsync($"HTML report written to {Path.GetFullPath(htmlPath)}");
    }

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
        if (report.Futures is { } futures)
        {
            foreach (var (label, value) in FuturesRows.For(futures))
                table.AddRow(Markup.Escape(label), Markup.Escape(value));
        }
        return table;
    }
}
