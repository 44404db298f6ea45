
namespace VocEdAlliance.IntegrationTests.Admin;

public class UserAdministrationTests(PortalFixture portal)
{

    private static Dictionary<string, string> Account(string email, string role, string organisation) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "测试账号",
        ["Input.Role"] = role,
        ["Input.Organisation"] = organisation,
        ["Input.Password"] = "Initial-Passw0rd",
    };

    [Fact]
    public async Task A_bureau_admin_creates_a_principal_for_a_school_in_the_jurisdiction_who_can_then_sign_in()
    {
        using var admin = await portal.SignedInAsync("zunyi.admin@demo.local");
        var email = $"principal-{Guid.NewGuid():N}@test.local";

        var form = await admin.GetAsync("/Admin/Users/Create");
        var done = await admin.SubmitAsync(form, PortalSession.MainForm, Account(email, Roles.SchoolPrincipal, DemoOrganisations.Honghuagang));

        Assert.Equal("/Admin/Users", done.Url.AbsolutePath);
        using var principal = portal.NewSession();
        var home = await principal.SignInAsync(email, "Initial-Passw0rd");
        Assert.Equal("测试账号", home.Document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
        var school = await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Honghuagang));
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/Institutions/{school.Id}")).Status);
    }

    [Fact]
    public async Task A_bureau_admin_cannot_grant_system_admin_nor_make_accounts_outside_the_jurisdiction()
    {
        using var admin = await portal.SignedInAsync("zunyi.admin@demo.local");
        var form = await admin.GetAsync("/Admin/Users/Create");
        var offered = form.Document.QuerySelectorAll("#Input_Role option").Select(o => o.GetAttribute("value")).ToList();

        var sysAdmin = await admin.SubmitAsync(form, PortalSession.MainForm, Account($"x-{Guid.NewGuid():N}@test.local", Roles.SystemAdmin, ""));
        var outside = await admin.SubmitAsync(form, PortalSession.MainForm, Account($"y-{Guid.NewGuid():N}@test.local", Roles.BureauStaff, DemoOrganisations.LiuyangBureau));

        Assert.Equal(["", Roles.BureauAdmin, Roles.BureauStaff, Roles.SchoolPrincipal], offered);
        Assert.Equal("您无权授予该角色。", sysAdmin.FieldError("Input.Role"));
        Assert.Equal($"您的管辖范围内没有名为“{DemoOrganisations.LiuyangBureau}”的单位。", outside.FieldError("Input.Organisation"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email!.StartsWith("x-") || u.Email!.StartsWith("y-"))));
    }

    [Fact]
    public async Task A_bureau_admin_sees_only_the_accounts_of_the_jurisdiction_and_resets_their_passwords()
    {
        using var admin = await portal.SignedInAsync("zunyi.admin@demo.local");
        var liuyang = await portal.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "liuyang.staff@demo.local"));
        var staff = await portal.CreateUserAsync(Roles.BureauStaff);
        var zunyi = await portal.WithDatabaseAsync(db => db.Bureaus.SingleAsync(b => b.Name == DemoOrganisations.ZunyiBureau));
        await portal.WithDatabaseAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == staff.Id)).OrganisationId = zunyi.Id;
            return await db.SaveChangesAsync();
        });

        var list = await admin.GetAsync("/Admin/Users?q=demo.local");
        Assert.Contains("zunyi.staff@demo.local", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("liuyang.staff@demo.local", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Edit/{liuyang.Id}")).Status);

        var edit = await admin.GetAsync($"/Admin/Users/Edit/{staff.Id}");
        await admin.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Password"] = "Reset-Passw0rd-9" });
        using var again = portal.NewSession();
        Assert.Equal("/", (await again.SignInAsync(staff.Email!, "Reset-Passw0rd-9")).Url.AbsolutePath);
    }

    [Fact]
    public async Task Bureau_staff_who_are_not_admins_cannot_open_account_administration()
    {
        using var staff = await portal.SignedInAsync("zunyi.staff@demo.local");

        var page = await staff.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Null(page.Document.QuerySelector("a[href='/Admin/Users']"));
    }
}
