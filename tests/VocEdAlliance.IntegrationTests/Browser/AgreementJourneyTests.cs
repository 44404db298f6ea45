using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>Zunyi staff record a pairing with a Shanghai school in Chromium, picking their own school from the
/// suggestions; the principal then records an activity on it.</summary>
public sealed class AgreementJourneyTests(PortalFixture portal) : IAsyncLifetime
{
    private BrowserHarness browser = null!;

    public async ValueTask InitializeAsync() => browser = await BrowserHarness.StartAsync(portal.ConnectionString);

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Fact]
    public async Task Zunyi_staff_record_a_pairing_with_suggestions_and_the_principal_records_an_activity()
    {
        var title = $"浏览器结对协议 {Guid.NewGuid():N}"[..16];
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "zunyi.staff@demo.local");

        await page.GotoAsync("/Agreements/Create");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("协议类型").SelectOptionAsync("Pairing");
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByLabel("生效日期").FillAsync("2024-09-01");
        await page.GetByLabel("师资培训").CheckAsync();
        var first = page.Locator("#Input_Parties_0__Organisation");
        await first.PressSequentiallyAsync("红花岗");
        // The suggestion list is filled by the portal's own endpoint as the user types.
        await Expect(page.Locator("#organisation-suggestions option")).ToHaveCountAsync(1);
        Assert.Equal(DemoOrganisations.Honghuagang, await page.Locator("#organisation-suggestions option").First.GetAttributeAsync("value"));
        await first.FillAsync(DemoOrganisations.Honghuagang);
        await page.Locator("#Input_Parties_1__Organisation").FillAsync(DemoOrganisations.Spa);
        await BrowserHarness.ScreenshotAsync(page, "agreements-01-record-pairing-zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("status")).ToHaveTextAsync("待对方确认");
        await Expect(page.GetByTestId("parties")).ToContainTextAsync("上海市 金山区");
        await BrowserHarness.ScreenshotAsync(page, "agreements-02-pending-zh");

        var principal = await browser.NewPageAsync(390, 844);
        await SignInAsync(principal, "honghuagang.principal@demo.local");
        await principal.GetByTestId("my-agreements").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title })
            .GetByRole(AriaRole.Link, new() { Name = "记录协作活动" }).ClickAsync();
        await principal.GetByLabel("活动类型").SelectOptionAsync("TeacherTraining");
        await principal.GetByLabel("标题").FillAsync(title + " 师资培训");
        await principal.GetByLabel("培训教师人数").FillAsync("12");
        await BrowserHarness.ScreenshotAsync(principal, "agreements-03-record-activity-phone-zh");
        await principal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(principal.GetByTestId("teachers")).ToHaveTextAsync("12");

        Assert.Empty(browser.ForeignRequests);
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
