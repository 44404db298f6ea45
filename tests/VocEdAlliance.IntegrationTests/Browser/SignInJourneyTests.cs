using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A person at a browser: sign in, see the home page, switch language, sign out.</summary>
public sealed class SignInJourneyTests(PortalFixture portal) : IAsyncLifetime
{
    private BrowserHarness browser = null!;

    public async ValueTask InitializeAsync() => browser = await BrowserHarness.StartAsync(portal.ConnectionString);

    [Fact]
    public async Task A_bureau_user_signs_in_switches_to_English_and_signs_out_without_the_browser_leaving_the_portal()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await BrowserHarness.ScreenshotAsync(page, "platform-01-sign-in-zh");

        await page.GetByLabel("电子邮箱").FillAsync("shanghai.staff@demo.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("演示·上海市教委工作人员");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("欢迎，演示·上海市教委工作人员");
        await BrowserHarness.ScreenshotAsync(page, "platform-02-home-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.WaitForLoadStateAsync(LoadState.Load); // the user menu needs Bootstrap's script, loaded last
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, 演示·上海市教委工作人员");
        await BrowserHarness.ScreenshotAsync(page, "platform-03-home-en");

        await page.GetByTestId("signed-in-user").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await BrowserHarness.ScreenshotAsync(page, "platform-04-signed-out-en");

        Assert.Empty(browser.ForeignRequests);
    }

    [Fact]
    public async Task On_a_phone_the_navigation_folds_away_and_the_user_can_still_sign_out()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("电子邮箱").FillAsync("liuyang.staff@demo.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load); // the menus need Bootstrap's script, loaded last

        await Expect(page.GetByTestId("signed-in-user")).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "展开或收起导航" }).ClickAsync();
        await Expect(page.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
        await page.GetByTestId("signed-in-user").ClickAsync();
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "退出登录" });
        await Expect(signOut).ToBeInViewportAsync();
        await BrowserHarness.ScreenshotAsync(page, "platform-05-phone-menu-zh");
        await signOut.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn$"));
        Assert.Empty(browser.ForeignRequests);
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
