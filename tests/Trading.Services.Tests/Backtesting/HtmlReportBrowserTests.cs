using Microsoft.Playwright;
using Shouldly;
using Trading.Services.Backtesting;

namespace Trading.Services.Tests.Backtesting;

/// <summary>Opens a generated report in Debian's headless chromium (never a downloaded browser).</summary>
public class HtmlReportBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Report_LongRunOpenedInChromium_WholePeriodInViewAlignedAxesAndThinnedMarkers()
    {
        var dir = Directory.CreateTempSubdirectory("report-test-");
        try
        {
            var reportPath = Path.Combine(dir.FullName, "report.html");
            await HtmlReportWriter.WriteAsync(ReportSamples.CreateLong(400_000, fillEvery: 60), reportPath, TestContext.Current.CancellationToken);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = [.. ChromiumArgs, "--disable-quic"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1400 } });
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            await page.GotoAsync(new Uri(reportPath).AbsoluteUri);
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 15_000 });

            errors.ShouldBeEmpty();
            var widths = (await page.GetAttributeAsync("body", "data-plot-widths"))!.Split(',');
            widths.Distinct().ShouldHaveSingleItem();
            var ranges = (await page.GetAttributeAsync("body", "data-visible-ranges"))!.Split(',');
            ranges.Distinct().ShouldHaveSingleItem().ShouldBe("0..3999");
            int.Parse((await page.GetAttributeAsync("#price-chart", "data-marker-level"))!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            var shown = int.Parse((await page.GetAttributeAsync("#price-chart", "data-marker-count"))!, System.Globalization.CultureInfo.InvariantCulture);
            shown.ShouldBeInRange(2, int.Parse(widths[0], System.Globalization.CultureInfo.InvariantCulture) / 5);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Report_OpenedInChromium_DrawsChartsAndMarkers()
    {
        var dir = Directory.CreateTempSubdirectory("report-test-");
        try
        {
            var reportPath = Path.Combine(dir.FullName, "report.html");
            await HtmlReportWriter.WriteAsync(ReportSamples.Create(), reportPath, TestContext.Current.CancellationToken);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1400 } });
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(new Uri(reportPath).AbsoluteUri);
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 15_000 });

            errors.ShouldBeEmpty();
            (await page.GetAttributeAsync("#price-chart", "data-marker-count")).ShouldBe("4");
            (await page.Locator("#price-chart canvas").CountAsync()).ShouldBeGreaterThan(0);
            (await page.Locator("#equity-chart canvas").CountAsync()).ShouldBeGreaterThan(0);
            (await page.Locator("#drawdown-chart canvas").CountAsync()).ShouldBeGreaterThan(0);
            (await page.Locator("#trades tr").CountAsync()).ShouldBe(3); // header + 2 trades

            var screenshot = Path.Combine(dir.FullName, "report.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            var bytes = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
            bytes.Length.ShouldBeGreaterThan(20_000);
            bytes.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
