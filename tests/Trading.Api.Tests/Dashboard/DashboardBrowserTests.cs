using Microsoft.Playwright;
using Shouldly;
using Trading.TestInfrastructure.Binance;

namespace Trading.Api.Tests.Dashboard;

/// <summary>
/// Debian's chromium, driven by Playwright, on the dashboard of a running paper platform fed by the simulator: it loads
/// without a console error, the candle chart shows markers and moves with the replay, a bot started from the page runs,
/// the regime panel lists the stored series, the futures panel shows a position opened on the simulator's /fapi, and the kill switch (after its confirmation) halts trading and stops every bot. Screenshots go to artifacts/dashboard beside the tests.
/// </summary>
public sealed class DashboardBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_PaperPlatformOnReplay_ChartLiveBotStartsKillSwitchHalts()
    {
        Directory.CreateDirectory(Artifacts);
        await using var platform = await RunningPlatform.StartAsync(Ct);
        await platform.WhileRunningAsync(async () =>
            (await platform.GetAsync("/signals?limit=1", Ct)).GetArrayLength() > 0 && (await platform.GetAsync("/trades?limit=1", Ct)).GetArrayLength() > 0, Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync(platform.Url.ToString());
        await page.FillAsync("#api-key", RunningPlatform.Key);
        await page.ClickAsync("#login-button");
        await page.WaitForFunctionAsync("() => Number(document.getElementById('candle-chart').dataset.candles) > 0 && Number(document.getElementById('candle-chart').dataset.markers) > 0");
        var firstLast = await page.EvalOnSelectorAsync<string>("#candle-chart", "e => e.dataset.lastTime");
        await page.WaitForFunctionAsync($"() => Number(document.getElementById('candle-chart').dataset.lastTime) > {firstLast}");
        await page.WaitForSelectorAsync("#regimes tbody tr >> text=BTCUSDT");
        (await page.InnerTextAsync("#regimes tbody")).ShouldMatch("(TRENDING_UP|TRENDING_DOWN|RANGING|HIGH_VOLATILITY|UNCERTAIN)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "1-chart-live.png"), FullPage = true });

        using (var venue = new HttpClient())
        {
            foreach (var (path, parameters) in new[] { ("/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED"), ("/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01") })
            {
                using var request = TradingHarness.Signed(platform.SimulatorUrl, HttpMethod.Post, path, parameters);
                using var answer = await venue.SendAsync(request, Ct);
                ((int)answer.StatusCode).ShouldBe(200, await answer.Content.ReadAsStringAsync(Ct));
            }
        }
        await page.WaitForSelectorAsync("#futures-positions tbody tr >> text=LONG");
        var futuresRow = await page.InnerTextAsync("#futures-positions tbody tr");
        futuresRow.ShouldContain("BTCUSDT");
        futuresRow.ShouldContain("0.01");
        futuresRow.ShouldContain("20x"); // the simulator's default leverage
        futuresRow.ShouldContain("ISOLATED");
        (await page.InnerTextAsync("#futures-account")).ShouldStartWith("wallet ");

        await page.SelectOptionAsync("#bot-strategy", "rsi");
        await page.FillAsync("#bot-params", "period=3,quantity=0.001");
        await page.FillAsync("#bot-name", "ui-bot");
        await page.ClickAsync("#bot-start");
        await page.WaitForSelectorAsync("#bots tbody tr[data-bot-id='ui-bot'] >> text=running");
        var bots = await platform.GetAsync("/bots", Ct);
        bots.EnumerateArray().Single(b => b.GetProperty("id").GetString() == "ui-bot").GetProperty("running").GetBoolean().ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "2-bot-running.png"), FullPage = true });

        string? confirmation = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.ClickAsync("#kill-switch");
        await page.WaitForSelectorAsync("#state-badge.HALTED");
        confirmation.ShouldNotBeNull().ShouldContain("kill switch");
        (await platform.GetAsync("/status", Ct)).GetProperty("tradingState").GetString().ShouldBe("HALTED");
        await platform.WhileRunningAsync(async () => (await platform.GetAsync("/bots", Ct)).EnumerateArray().All(b => !b.GetProperty("running").GetBoolean()), Ct);
        using (var client = platform.Client())
        {
            using var denied = await client.PostAsync("/orders",
                new StringContent("""{"symbol":"BTCUSDT","side":"BUY","quantity":0.001}""", System.Text.Encoding.UTF8, "application/json"), Ct);
            ((int)denied.StatusCode).ShouldBe(422);
            (await denied.Content.ReadAsStringAsync(Ct)).ShouldContain("HALTED");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "3-halted.png"), FullPage = true });

        consoleErrors.ShouldBeEmpty();
        await platform.Process.TerminateAsync(Ct);
        (await platform.Process.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct)).ExitCode.ShouldBe(0, platform.Process.Error);
    }
}
