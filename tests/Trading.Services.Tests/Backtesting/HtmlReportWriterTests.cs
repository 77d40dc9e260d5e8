using Shouldly;
using Trading.Services.Backtesting;

namespace Trading.Services.Tests.Backtesting;

public class HtmlReportWriterTests
{
    [Fact]
    public void Render_SampleRun_IsSelfContainedWithInlinedLibrary()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Create());

        html.ShouldContain("createSeriesMarkers");           // v5 marker API from the inlined bundle and our script
        html.ShouldContain("LightweightCharts");
        html.ShouldNotContain("<script src", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldContain("<table id=\"statistics\">");
        html.ShouldContain("Sharpe");
        html.ShouldContain("12.5");                           // the winning trade's PnL in the trade list
        html.ShouldContain("-3.25");
    }

    [Fact]
    public void Render_ParameterWithMarkup_IsEncoded()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Create());
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
