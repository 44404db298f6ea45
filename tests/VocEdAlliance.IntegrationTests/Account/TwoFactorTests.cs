using OtpNet;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Account;

/// <summary>A portal that requires a second factor for admins, as a real installation does (the shared test portal
/// leaves it optional so the rest of the suite can sign in as the demo admins).</summary>
public sealed class TwoFactorPortal() : DedicatedPortal(seedDemo: true, settings: new Dictionary<string, string> { ["TwoFactor:Policy"] = "Admins" });

public sealed class EveryoneTwoFactorPortal() : DedicatedPortal(seedDemo: false, settings: new Dictionary<string, string> { ["TwoFactor:Policy"] = "Everyone" });

public class TwoFactorTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    /// <summary>What the user's authenticator app shows for the key the setup page gave: now, or at the next 30-second
    /// step (each code is accepted once, and one step of clock drift either way).</summary>
    private static string CodeFor(string key, bool nextStep = false) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(DateTime.UtcNow.AddSeconds(nextStep ? 30 : 0));

    private static Task<PortalPage> SubmitCodeAsync(PortalSession session, PortalPage page, string code, string form = PortalSession.MainForm) =>
        session.SubmitAsync(page, form, new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Signs in with the password, sets up the authenticator where the portal sends the admin, and returns
    /// the key and the recovery codes.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(PortalSession session, string email)
    {
        var home = await session.SignInAsync(email, PortalFixture.TestPassword);
        Assert.Equal("/Account/TwoFactor", home.Url.AbsolutePath);
        Assert.NotNull(home.Document.QuerySelector("[data-testid=two-factor-required]"));
        Assert.NotNull(home.Document.QuerySelector("[data-testid=two-factor-qr] svg"));
        var key = home.Document.QuerySelector("[data-testid=two-factor-key]")!.TextContent;
        var wrong = await SubmitCodeAsync(session, home, "000000", "[data-testid=enable-form]");
        Assert.False(string.IsNullOrWhiteSpace(wrong.FieldError("Input.Code")));
        var enabled = await SubmitCodeAsync(session, wrong, CodeFor(key), "[data-testid=enable-form]");
        var codes = enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    [Fact]
    public async Task An_admin_must_set_up_an_authenticator_before_any_page_and_then_signs_in_with_its_code()
    {
        var admin = await portal.CreateUserAsync(Roles.SystemAdmin, null);
        using (var first = await NewSessionAsync())
        {
            // Every page sends the admin to the setup first.
            await first.SignInAsync(admin.Email!, PortalFixture.TestPassword);
            Assert.Equal("/Account/TwoFactor", (await first.GetAsync("/Agreements")).Url.AbsolutePath);
            // Nor does the admin read the metrics before (the independent check found /metrics open to such a session).
            Assert.NotEqual(HttpStatusCode.OK, (await first.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }
        using var setup = await NewSessionAsync();
        var (key, recovery) = await SetUpAsync(setup, admin.Email!);
        Assert.Equal("/Agreements", (await setup.GetAsync("/Agreements")).Url.AbsolutePath); // this session goes on
        Assert.Equal(HttpStatusCode.OK, (await setup.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // The next sign-in asks for the code after the password; a wrong one is refused, the app's one lets them in.
        using var next = await NewSessionAsync();
        var step = await next.SignInAsync(admin.Email!, PortalFixture.TestPassword);
        Assert.Equal("/Account/SignInTwoFactor", step.Url.AbsolutePath);
        Assert.Equal("/Account/SignIn", (await next.GetAsync("/Agreements")).Url.AbsolutePath); // not signed in yet
        var refused = await SubmitCodeAsync(next, await next.GetAsync(step.Url.PathAndQuery), "123456");
        Assert.False(string.IsNullOrWhiteSpace(refused.FieldError("Input.Code")));
        // An odd "remember me" in the address is a no, not a silent refusal of the right code.
        var odd = await next.GetAsync(step.Url.PathAndQuery.Replace("RememberMe=False", "RememberMe=xyz", StringComparison.Ordinal));
        var code = CodeFor(key, nextStep: true); // the setup used this step's code
        var signedIn = await SubmitCodeAsync(next, odd, code);
        Assert.Equal("/", signedIn.Url.AbsolutePath);

        // The same code a second time (read over a shoulder, or sent twice) signs nobody in.
        using var replay = await NewSessionAsync();
        var replayed = await SubmitCodeAsync(replay, await replay.SignInAsync(admin.Email!, PortalFixture.TestPassword), code);
        Assert.Equal("/Account/SignInTwoFactor", replayed.Url.AbsolutePath);
        Assert.False(string.IsNullOrWhiteSpace(replayed.FieldError("Input.Code")));

        // A recovery code works once.
        using var lost = await NewSessionAsync();
        var recoveryStep = await lost.SignInAsync(admin.Email!, PortalFixture.TestPassword);
        Assert.Equal("/", (await SubmitCodeAsync(lost, recoveryStep, recovery[0])).Url.AbsolutePath);
        using var again = await NewSessionAsync();
        var reused = await SubmitCodeAsync(again, await again.SignInAsync(admin.Email!, PortalFixture.TestPassword), recovery[0]);
        Assert.Equal("/Account/SignInTwoFactor", reused.Url.AbsolutePath);

        // The setup page says it is on, and a required account cannot turn it off.
        var settings = await signedInAfter(next);
        Assert.NotNull(settings.Document.QuerySelector("[data-testid=two-factor-status]"));
        Assert.DoesNotContain(settings.Document.QuerySelectorAll("form"), f => f.GetAttribute("action")?.Contains("Disable", StringComparison.Ordinal) == true);

        async Task<PortalPage> signedInAfter(PortalSession session) => await session.GetAsync("/Account/TwoFactor");
    }

    [Fact]
    public async Task A_principal_is_not_required_and_a_bureau_admin_resets_a_lost_authenticator_within_the_jurisdiction_only()
    {
        var school = await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Honghuagang));
        var principal = await portal.CreateUserAsync(Roles.SchoolPrincipal, school.Id);
        using var session = await portal.SignedInAsync(principal);
        Assert.Equal("/Agreements", (await session.GetAsync("/Agreements")).Url.AbsolutePath);

        // The principal turns it on anyway (optional for principals).
        var page = await session.GetAsync("/Account/TwoFactor");
        Assert.Null(page.Document.QuerySelector("[data-testid=two-factor-required]"));
        var key = page.Document.QuerySelector("[data-testid=two-factor-key]")!.TextContent;
        await SubmitCodeAsync(session, page, CodeFor(key), "[data-testid=enable-form]");
        Assert.True(await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == principal.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // Lost phone: the Zunyi bureau admin (after setting up their own second factor) resets it.
        var zunyiBureau = await portal.WithDatabaseAsync(db => db.Bureaus.SingleAsync(b => b.RegionCode == "520300"));
        var zunyiAdmin = await portal.CreateUserAsync(Roles.BureauAdmin, zunyiBureau.Id);
        using var admin = await NewSessionAsync();
        await SetUpAsync(admin, zunyiAdmin.Email!);
        Assert.Null((await admin.GetAsync($"/Admin/Users/Edit/{zunyiAdmin.Id}")).Document.QuerySelector("[data-testid=reset-two-factor]")); // not one's own
        var edit = await admin.GetAsync($"/Admin/Users/Edit/{principal.Id}");
        Assert.NotNull(edit.Document.QuerySelector("[data-testid=reset-two-factor]"));
        await admin.SubmitAsync(edit, "[data-testid=reset-two-factor]");
        Assert.False(await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == principal.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal("/Account/SignIn", (await session.GetAsync("/Agreements")).Url.AbsolutePath); // its sessions ended

        // A Hunan admin cannot reach the account at all.
        var hunanBureau = await portal.WithDatabaseAsync(db => db.Bureaus.SingleAsync(b => b.RegionCode == "430000"));
        var hunanAdmin = await portal.CreateUserAsync(Roles.BureauAdmin, hunanBureau.Id);
        using var hunan = await NewSessionAsync();
        await SetUpAsync(hunan, hunanAdmin.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await hunan.GetAsync($"/Admin/Users/Edit/{principal.Id}")).Status);
    }

    private Task<PortalSession> NewSessionAsync() =>
        Task.FromResult(new PortalSession(portal.Factory.CreateClient(new() { AllowAutoRedirect = false })));
}

public class EveryoneTwoFactorTests(EveryoneTwoFactorPortal portal) : IClassFixture<EveryoneTwoFactorPortal>
{
    [Fact]
    public async Task With_the_setting_for_everyone_a_principal_is_sent_to_set_up_a_second_factor_too()
    {
        var school = await portal.WithDatabaseAsync(async db =>
        {
            var institution = db.Institutions.Add(new Institution("两步验证测试学校", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "520302",
                new InstitutionProfile(Enrolment: 100), 2026)).Entity;
            await db.SaveChangesAsync();
            return institution;
        });
        var principal = await portal.CreateUserAsync(Roles.SchoolPrincipal, school.Id);
        using var session = await portal.SignedInAsync(principal);
        var page = await session.GetAsync("/Agreements");
        Assert.Equal("/Account/TwoFactor", page.Url.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=two-factor-required]"));
        // Showing the setup (a new key) keeps the session: the next page sends it to the setup again, not to sign in.
        Assert.Equal("/Account/TwoFactor", (await session.GetAsync("/Plans")).Url.AbsolutePath);
    }
}
