using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;

namespace Trading.Services.Backtesting;

/// <summary>
/// Writes a backtest as one self-contained HTML file: candlesticks with buy/sell markers, equity, drawdown,
/// the statistics table and the trade list, with lightweight-charts inlined. Opens offline.
/// </summary>
public static class HtmlReportWriter
{
    public const int MaxTradeRows = 5_000;

    private static readonly Lazy<string> Template = new(() => ReadResource("BacktestReportTemplate.html"));

    public static string Render(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parameters = string.Join(", ", report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{report.Symbol} {report.Timeframe} · {report.From:yyyy-MM-dd HH:mm} → {report.To:yyyy-MM-dd HH:mm} UTC · {parameters} · run {report.RunId}");
        return Template.Value
            .Replace("{{TITLE}}", Encode($"Backtest {report.Strategy} on {report.Symbol}"), StringComparison.Ordinal)
            .Replace("{{SUBTITLE}}", Encode(subtitle), StringComparison.Ordinal)
            .Replace("{{STATISTICS}}", StatisticsTable(report.Statistics), StringComparison.Ordinal)
            .Replace("{{TRADES}}", TradeTable(report), StringComparison.Ordinal)
            .Replace("{{DATA}}", ChartJson(report), StringComparison.Ordinal)
            .Replace("{{LIBRARY}}", ChartLibrary.StandaloneScript, StringComparison.Ordinal);
    }

    /// <summary>Writes the report beside <paramref name="path"/> first and then moves it there, so a failed write leaves no half file.</summary>
    public static async Task WriteAsync(BacktestReport report, string path, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var partial = $"{full}.{Environment.ProcessId}.partial";
        try
        {
            await File.WriteAllTextAsync(partial, Render(report), Encoding.UTF8, ct).ConfigureAwait(false);
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string StatisticsTable(BacktestStatistics statistics)
    {
        var html = new StringBuilder("<table id=\"statistics\">");
        foreach (var (label, value) in StatisticsRows.For(statistics))
            html.Append("<tr><td>").Append(Encode(label)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>");
        return html.Append("</table>").ToString();
    }

    private static string TradeTable(BacktestReport report)
    {
        var price = new ReportNumberFormat(report.TickSize);
        var quantity = new ReportNumberFormat(report.StepSize);
        var html = new StringBuilder("<table id=\"trades\"><tr><th>#</th><th>Entry (UTC)</th><th>Exit (UTC)</th><th>Quantity</th>"
            + "<th>Entry price</th><th>Exit price</th><th>Fees</th><th>PnL</th></tr>");
        var shown = Math.Min(report.Trades.Count, MaxTradeRows);
        for (var i = 0; i < shown; i++)
        {
            var t = report.Trades[i];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{i + 1}</td><td>{Time(t.EntryTimeMs)}</td><td>{Time(t.ExitTimeMs)}</td><td>{quantity.Text(t.Quantity)}</td>"
                + $"<td>{price.Text(t.EntryPrice)}</td><td>{price.Text(t.ExitPrice)}</td><td>{t.Fees:0.####}</td>"
                + $"<td class=\"{(t.Pnl >= 0 ? "win" : "loss")}\">{t.Pnl:0.####}</td></tr>");
        }
        html.Append("</table>");
        if (report.Trades.Count > shown)
            html.Append(CultureInfo.InvariantCulture, $"<p>Showing the first {shown:N0} of {report.Trades.Count:N0} trades.</p>");
        return html.ToString();
    }

    /// <summary>
    /// The page's data: OHLC at the tick, equity, drawdown, the marker levels (<see cref="MarkerLevels"/>) and the chart
    /// settings (<see cref="ReportChartConfig"/>). The default encoder escapes '&lt;' and '&gt;', so the JSON cannot close
    /// its script element.
    /// </summary>
    public static string ChartJson(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chart = report.Chart;
        var price = new ReportNumberFormat(report.TickSize);
        var quantity = new ReportNumberFormat(report.StepSize);
        var payload = new
        {
            config = ReportChartConfig.For(report),
            points = chart.Points.Select(p => new
            {
                t = p.TimeMs / 1000, o = price.Round(p.Open), h = price.Round(p.High), l = price.Round(p.Low), c = price.Round(p.Close),
                e = Math.Round(p.Equity, 2), d = Math.Round(p.Drawdown, 6),
            }),
            markerLevels = MarkerLevels.Build(chart.Points, chart.Markers).Select(level => level.Select(m => new
            {
                t = m.TimeMs / 1000, buy = m.Side == OrderSide.Buy, price = price.Round(m.Price), qty = quantity.Round(m.Quantity), n = m.Count,
            })),
        };
        return JsonSerializer.Serialize(payload, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string ReadResource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
