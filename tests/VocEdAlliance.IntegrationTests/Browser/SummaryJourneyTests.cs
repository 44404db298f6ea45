using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A ministry official opens the summaries: the map draws from vendored assets, a click on a province drills
/// the by-region table into it, and an export downloads.</summary>
public sealed class SummaryJourneyTests(PortalFixture portal) : IAsyncLifetime
{
    private BrowserHarness browser = null!;

    public async ValueTask InitializeAsync() => browser = await BrowserHarness.StartAsync(portal.ConnectionString);

    [Fact]
    public async Task The_ministry_opens_the_map_drills_into_a_province_and_exports_a_table()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("电子邮箱").FillAsync("ministry@demo.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));

        await page.GotoAsync("/Summaries");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("#china-map canvas").First).ToBeVisibleAsync();
        await BrowserHarness.ScreenshotAsync(page, "summaries-01-ministry-zh");

        // A point in western Guizhou on the map drills the by-region table into Guizhou.
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#china-map").BoundingBoxAsync())!;
        var centre = await page.EvaluateAsync<double[]>(
            "() => { const c = echarts.getInstanceByDom(document.getElementById('china-map')); return c.convertToPixel({ geoIndex: 0 }, [105.6, 27.3]); }");
        await page.Mouse.ClickAsync(box.X + (float)centre[0], box.Y + (float)centre[1]);
        await page.WaitForURLAsync(url => url.Contains("region=52", StringComparison.Ordinal));
        await Expect(page.GetByTestId("summary-regions")).ToContainTextAsync("贵州省 遵义市");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-regions-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Empty(browser.ForeignRequests);
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
