using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>Five wrong passwords lock an account (the right one is then refused too); a user signs in, sees the home
/// page in the chosen language, and signs out through the header's user menu.</summary>
public sealed class SignInJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task Five_failures_lock_the_account_and_a_user_signs_in_and_out(string language, string size)
    {
        var journey = await StartJourneyAsync("sign-in", language, size);
        var page = journey.Page;
        var victim = await Portal.CreateUserAsync(Roles.BureauStaff);

        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN"); // Chinese first, whatever the browser says
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await journey.SignInAsync(victim.Email!, "Not-the-password-1", expectSuccess: false);
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
                journey.T("SignIn.Invalid", PortalIdentity.MaxFailedSignIns, (int)PortalIdentity.LockoutDuration.TotalMinutes));
        }
        await journey.CheckpointAsync("sign-in-failed");
        // Locked or not, the words are the same as for a wrong password: they tell nobody which accounts exist.
        var lockedOut = journey.T("SignIn.Invalid", PortalIdentity.MaxFailedSignIns, (int)PortalIdentity.LockoutDuration.TotalMinutes);
        await journey.SignInAsync(victim.Email!, "Not-the-password-1", expectSuccess: false);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(lockedOut);
        await journey.SignInAsync(victim.Email!, PortalFixture.TestPassword, expectSuccess: false);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(lockedOut);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await journey.CheckpointAsync("locked-out");

        // Signing out ends every session of the account: a demo account shared with other tests would lose theirs.
        var member = await Portal.CreateUserAsync(Roles.BureauStaff);
        await journey.SignInAsync(member.Email!, PortalFixture.TestPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(journey.T("Home.Welcome", member.DisplayName));
        await journey.CheckpointAsync("home");
        await journey.SignOutAsync();
        await journey.CheckpointAsync("signed-out");
        await page.OpenAsync("/Agreements");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));

        journey.AssertClean();
    }
}
