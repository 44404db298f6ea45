using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VocEdAlliance.IntegrationTests.Account;

/// <summary>A sign-in cookie is only as good as the account behind it now: sign-out, a password change, a lock or an
/// admin's reset end every session of the account at its next request, also a copied cookie.</summary>
public partial class SessionRevocationTests(PortalFixture portal)
{
    /// <summary>A client that keeps no cookies of its own: the test holds the sign-in cookie, as a thief would.</summary>
    private HttpClient RawClient() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    /// <summary>An account an admin can edit as it is (a principal of a new school).</summary>
    private async Task<ApplicationUser> EditableUserAsync()
    {
        var school = await portal.CreateInstitutionAsync("520302", "会话测试校");
        return await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: school.Id);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => !v.EndsWith('=')) : []);

    private async Task<string> SignInCookieAsync(string email, string password)
    {
        using var http = RawClient();
        var page = await http.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = password,
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value,
            }),
        };
        post.Headers.Add("Cookie", Cookies(page));
        var signedIn = await http.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Cookies(signedIn);
        Assert.Contains("VocEdAlliance.Auth=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    /// <summary>Does this cookie still open the home page (rather than being sent to sign in)?</summary>
    private async Task<bool> StillSignedInAsync(string cookie)
    {
        using var http = RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Agreements");
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_signed_out()
    {
        var user = await portal.CreateUserAsync(Roles.BureauStaff);
        var copied = await SignInCookieAsync(user.Email!, PortalFixture.TestPassword);
        using var session = portal.NewSession();
        var home = await session.SignInAsync(user.Email!, PortalFixture.TestPassword);
        Assert.True(await StillSignedInAsync(copied));

        await session.SubmitAsync(home, "form[action='/Account/SignOut']");

        Assert.False(await StillSignedInAsync(copied));
    }

    [Fact]
    public async Task Another_session_ends_when_the_password_is_changed_and_the_changing_one_goes_on()
    {
        var user = await portal.CreateUserAsync(Roles.BureauStaff);
        var other = await SignInCookieAsync(user.Email!, PortalFixture.TestPassword);
        using var session = portal.NewSession();
        await session.SignInAsync(user.Email!, PortalFixture.TestPassword);

        var form = await session.GetAsync("/Account/ChangePassword");
        await session.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFixture.TestPassword, ["Input.NewPassword"] = "Brand-New-Pass-8", ["Input.ConfirmPassword"] = "Brand-New-Pass-8",
        });

        Assert.False(await StillSignedInAsync(other));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Agreements")).Status);
        Assert.Equal("/Agreements", (await session.GetAsync("/Agreements")).Url.AbsolutePath);
    }

    [Fact]
    public async Task A_session_of_an_account_the_admin_locks_or_resets_ends_at_its_next_request()
    {
        var locked = await EditableUserAsync();
        var reset = await EditableUserAsync();
        var lockedSession = await SignInCookieAsync(locked.Email!, PortalFixture.TestPassword);
        var resetSession = await SignInCookieAsync(reset.Email!, PortalFixture.TestPassword);
        using var admin = await portal.SignedInAsync("admin@demo.local");

        await admin.SubmitAsync(await admin.GetAsync($"/Admin/Users/Edit/{locked.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Locked"] = "true" });
        await admin.SubmitAsync(await admin.GetAsync($"/Admin/Users/Edit/{reset.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Password"] = "Reset-Passw0rd-10" });

        Assert.False(await StillSignedInAsync(lockedSession));
        Assert.False(await StillSignedInAsync(resetSession));
    }

    [Fact]
    public async Task A_refused_new_password_changes_nothing_of_the_account()
    {
        var user = await EditableUserAsync();
        var before = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        using var admin = await portal.SignedInAsync("admin@demo.local");

        var refused = await admin.SubmitAsync(await admin.GetAsync($"/Admin/Users/Edit/{user.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.DisplayName"] = "改过的名字" });

        Assert.NotEqual(string.Empty, refused.FieldError("Input.Password"));
        var after = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((before.PasswordHash, before.DisplayName, before.SecurityStamp), (after.PasswordHash, after.DisplayName, after.SecurityStamp));
        using var again = portal.NewSession();
        Assert.Equal("/", (await again.SignInAsync(user.Email!, PortalFixture.TestPassword)).Url.AbsolutePath);
    }

    [Fact]
    public async Task A_stale_copy_of_an_account_does_not_overwrite_what_another_admin_saved()
    {
        var user = await EditableUserAsync();
        using var first = await portal.SignedInAsync("admin@demo.local");
        using var second = await portal.SignedInAsync("admin@demo.local");
        var firstForm = await first.GetAsync($"/Admin/Users/Edit/{user.Id}");
        var secondForm = await second.GetAsync($"/Admin/Users/Edit/{user.Id}");

        await first.SubmitAsync(firstForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.DisplayName"] = "第一位管理员改的" });
        var stale = await second.SubmitAsync(secondForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.DisplayName"] = "第二位管理员改的" });

        var main = stale.Document.QuerySelector("main")?.OuterHtml;
        Assert.True(stale.Summary.Contains("其他人", StringComparison.Ordinal), main);
        Assert.Equal("第二位管理员改的", stale.Document.QuerySelector("#Input_DisplayName")?.GetAttribute("value"));
        Assert.Equal("第一位管理员改的", (await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).DisplayName);
    }
}
