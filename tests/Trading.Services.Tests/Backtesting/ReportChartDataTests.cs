using System.Text.Json;
using Shouldly;
using Trading.Services.Backtesting;

namespace Trading.Services.Tests.Backtesting;

/// <summary>What the report page is given for a long run (a year of 1m candles is 4,000 chart buckets): checked without a browser.</summary>
public class ReportChartDataTests
{
    private static readonly Trading.Core.Backtesting.Reports.BacktestReport LongRun = ReportSamples.CreateLong(400_000, fillEvery: 60);

    private static JsonElement Data => JsonDocument.Parse(HtmlReportWriter.ChartJson(LongRun)).RootElement;

    [Fact]
    public void ChartJson_LongRun_WholePeriodFitsTheNarrowestChart()
    {
        var points = Data.GetProperty("points").GetArrayLength();
        var config = Data.GetProperty("config");

        points.ShouldBe(4000);
        (config.GetProperty("minBarSpacing").GetDouble() * points).ShouldBeLessThanOrEqualTo(ReportChartConfig.NarrowestChartPx);
    }

    [Fact]
    public void ChartJson_PricesOffTheTick_PrintedAtTheTick()
    {
        var config = Data.GetProperty("config");
        config.GetProperty("precision").GetInt32().ShouldBe(2);
        config.GetProperty("minMove").GetDouble().ShouldBe(0.01);

        foreach (var point in Data.GetProperty("points").EnumerateArray())
            foreach (var field in new[] { "o", "h", "l", "c" })
                point.GetProperty(field).GetRawText().ShouldMatch(@"^\d+(\.\d{1,2})?$");
        foreach (var marker in Data.GetProperty("markerLevels")[0].EnumerateArray())
            marker.GetProperty("price").GetRawText().ShouldMatch(@"^\d+(\.\d{1,2})?$");
    }

    [Fact]
    public void ChartJson_ThousandsOfFills_CoarsestLevelsThinToAFewMarkers()
    {
        var levels = Data.GetProperty("markerLevels").EnumerateArray().Select(l => l.GetArrayLength()).ToList();

        levels[0].ShouldBeGreaterThan(3000);
        levels.ShouldBe(levels.OrderByDescending(n => n).ToList());
        levels[^1].ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Render_LongRun_TradePricesAtTheTickAndQuantitiesAtTheStep()
    {
        var html = HtmlReportWriter.Render(LongRun);

        html.ShouldNotContain(".67357143");
        html.ShouldContain("<td>0.00123</td>");
        html.ShouldNotContain("0.0012345678");
    }
}
