using Microsoft.Playwright;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>axe-core finds no serious or critical WCAG 2.1 A/AA violation on the pages people use most.</summary>
public sealed class AccessibilityTests(PortalFixture portal) : BrowserTests(portal)
{
    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var (agreement, activity) = await Portal.CreatePairingWithActivityAsync("520302", "310116");
        var page = await Browser.NewPageAsync();
        var violations = new List<string>();
        await page.OpenAsync("/Account/SignIn");
        violations.AddRange((await BrowserHarness.AccessibilityViolationsAsync(page)).Select(v => "/Account/SignIn " + v));
        await page.GetByLabel("电子邮箱").FillAsync("admin@demo.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.ArrivedAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));

        foreach (var url in new[]
                 {
                     "/", "/Institutions", "/Institutions/Create", "/Agreements", "/Agreements/Create", $"/Agreements/{agreement.Id}",
                     $"/Activities/{activity.Id}", $"/Activities/Edit/{activity.Id}", "/Alliances", "/Summaries", "/Admin/Users",
                     "/Programmes?year=2024", "/KeyIndustries?region=431000", $"/Programmes/Edit?school={agreement.Parties[0].OrganisationId}",
                 })
        {
            await page.OpenAsync(url);
            violations.AddRange((await BrowserHarness.AccessibilityViolationsAsync(page)).Select(v => url + " " + v));
        }

        Assert.Empty(violations);

        // The audit really runs: an input without a label is reported.
        await page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('input'))");
        Assert.Contains(await BrowserHarness.AccessibilityViolationsAsync(page), v => v.StartsWith("label", StringComparison.Ordinal));
    }
}

/// <summary>On a phone (390×844) no page is wider than the screen, nor has anything cut off or overlapping: wide tables
/// scroll inside their own frame.</summary>
public sealed class PhoneLayoutTests(PortalFixture portal) : BrowserTests(portal)
{
    [Fact]
    public async Task The_layout_audit_sees_a_page_too_wide_controls_drawn_over_each_other_and_cut_off_text()
    {
        var page = await Browser.NewPageAsync(390, 844);
        await page.SetContentAsync("""
            <main>
              <div style="width: 600px">wide</div>
              <button style="position: absolute; top: 100px; left: 10px; width: 80px">One</button>
              <button style="position: absolute; top: 105px; left: 30px; width: 80px">Two</button>
              <label style="display: block; width: 40px; overflow: hidden; white-space: nowrap">A label far too long for its box</label>
            </main>
            """);
        var problems = await Journey.LayoutProblemsAsync(page);
        Assert.Contains(problems, p => p.StartsWith("the page is 6", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"One\" overlaps button \"Two\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"A label far too long", StringComparison.Ordinal) && p.EndsWith("is cut off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_page_scrolls_sideways_on_a_phone()
    {
        var (agreement, activity) = await Portal.CreatePairingWithActivityAsync("520302", "310116");
        var page = await Browser.NewPageAsync(390, 844);
        await page.OpenAsync("/Account/SignIn");
        await page.GetByLabel("电子邮箱").FillAsync("admin@demo.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.ArrivedAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        var overflowing = new List<string>();

        foreach (var url in new[]
                 {
                     "/", "/Institutions", "/Agreements", "/Agreements/Create", $"/Agreements/{agreement.Id}", $"/Activities/{activity.Id}",
                     "/Activities", "/Alliances", "/Summaries", "/Admin/Users", $"/History/agreement/{agreement.Id}",
                 })
        {
            await page.OpenAsync(url);
            var problems = await Journey.LayoutProblemsAsync(page);
            if (problems.Count > 0)
            {
                overflowing.AddRange(problems.Select(p => $"{url}: {p}"));
                await BrowserHarness.ScreenshotAsync(page, "phone-layout-" + url.Trim('/').Replace('/', '-'));
            }
        }

        Assert.Empty(overflowing);
    }
}
