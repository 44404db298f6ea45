using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>Zunyi's bureau admin creates a principal account for a school in Zunyi; the role list offers no SystemAdmin,
/// and a forged one is refused next to the field; the new principal can sign in.</summary>
public sealed class AccountJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task A_bureau_admin_creates_a_principal_and_cannot_grant_SystemAdmin(string language, string size)
    {
        var journey = await StartJourneyAsync("accounts", language, size);
        var page = journey.Page;
        var tag = Guid.NewGuid().ToString("N")[..8]; // e-mail addresses are ASCII
        var email = $"principal.{tag}@zunyi.example.cn";
        var name = $"李校长{tag}";
        const string password = "Zunyi-Principal-2026";

        await journey.SignInAsync("zunyi.admin@demo.local");
        await journey.OpenNavigationAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Nav.Users"), Exact = true }).ClickAsync();
        await journey.CheckpointAsync("users");
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Users.Create.Title"), Exact = true }).ClickAsync();

        var role = page.GetByLabel(journey.T("Field.Role"), new() { Exact = true });
        var offered = await role.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains(Roles.SchoolPrincipal, offered);
        Assert.DoesNotContain(Roles.SystemAdmin, offered);
        Assert.DoesNotContain(Roles.MinistryOfficial, offered);

        async Task FillAsync(string chosenRole)
        {
            await page.GetByLabel(journey.T("Field.Email"), new() { Exact = true }).FillAsync(email);
            await page.GetByLabel(journey.T("Field.DisplayName"), new() { Exact = true }).FillAsync(name);
            await role.SelectOptionAsync(chosenRole);
            await page.GetByLabel(journey.T("Field.UserOrganisation"), new() { Exact = true }).FillAsync(DemoOrganisations.Honghuagang);
            await page.GetByLabel(journey.T("Field.InitialPassword"), new() { Exact = true }).FillAsync(password);
        }

        // A forged choice (the option added to the page by hand) is refused next to the field, and nothing is created.
        await role.EvaluateAsync("s => s.add(new Option('SystemAdmin', 'SystemAdmin'))");
        await FillAsync(Roles.SystemAdmin);
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Role']")).ToHaveTextAsync(journey.T("Users.RoleNotGrantable"));
        await Expect(page.GetByLabel(journey.T("Field.Email"), new() { Exact = true })).ToHaveValueAsync(email); // what was typed is kept
        await journey.CheckpointAsync("refused-role");
        Assert.False(await Portal.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        await FillAsync(Roles.SchoolPrincipal);
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Users.Created", name));
        await Expect(page.GetByTestId("results")).ToContainTextAsync(email);
        await journey.CheckpointAsync("principal-created");

        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync(email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(journey.T("Home.Welcome", name));
        await Expect(page.GetByTestId("roles")).ToHaveTextAsync(journey.T("Role.SchoolPrincipal"));
        await journey.CheckpointAsync("new-principal-home");

        journey.AssertClean();
    }
}
