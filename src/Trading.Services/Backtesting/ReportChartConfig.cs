using Trading.Core.Backtesting.Reports;

namespace Trading.Services.Backtesting;

/// <summary>
/// How the report's charts are set up, emitted with the data so the page and the tests read the same numbers.
/// <list type="bullet">
/// <item><see cref="MinBarSpacing"/> lets the whole run fit at open: lightweight-charts' default (0.5 px a bar) leaves
/// 4,000 buckets wider than a screen, which hid the first 35–40 % of a year of 1m candles.</item>
/// <item><see cref="PriceScaleWidth"/> is the same on every chart, so their plot areas, and with them their time axes, line up.</item>
/// <item><see cref="MarkerSpacingPx"/>: the marker level shown is the finest that leaves at least this many pixels per group.</item>
/// <item><see cref="Precision"/> and <see cref="MinMove"/> print prices at the symbol's tick.</item>
/// </list>
/// </summary>
public sealed record ReportChartConfig(double MinBarSpacing, int PriceScaleWidth, int MarkerSpacingPx, int Precision, double MinMove)
{
    public const int NarrowestChartPx = 320;

    public static ReportChartConfig For(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var price = new ReportNumberFormat(report.TickSize);
        var minMove = report.TickSize > 0 ? (double)report.TickSize : Math.Pow(10, -price.Decimals);
        var spacing = Math.Min(0.5, (double)NarrowestChartPx / Math.Max(1, report.Chart.Points.Count));
        return new ReportChartConfig(spacing, PriceScaleWidth: 90, MarkerSpacingPx: 14, price.Decimals, minMove);
    }
}
