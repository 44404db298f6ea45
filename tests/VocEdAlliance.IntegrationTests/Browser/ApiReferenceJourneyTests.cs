using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A developer at a provincial platform opens the API reference from the tokens page: Scalar (served by the
/// portal) shows the API's operations, under the page's strict policy, without reaching any other host.</summary>
public sealed class ApiReferenceJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Fact]
    public async Task The_reference_shows_the_operations_without_leaving_the_portal()
    {
        var journey = await StartJourneyAsync("api-reference", "zh", "desktop");
        var page = journey.Page;
        await journey.SignInAsync("zunyi.staff@demo.local");
        await page.OpenAsync("/Account/Tokens");
        await journey.CheckpointAsync("tokens");
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Api.Reference.Title"), Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Api/Reference$"));
        // Scalar has read the document and drawn its operations.
        await Expect(page.GetByText("Agreements the caller may see, with parties and confirmations, by cursor").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Confirms, for the caller's side, the version named by If-Match").First).ToBeAttachedAsync();
        await Expect(page.GetByText("Institutions").First).ToBeAttachedAsync();
        await BrowserHarness.ScreenshotAsync(page, "api-reference-01-reference-zh-desktop");
        journey.AssertClean();
    }
}
