using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Inbox;

/// <summary>Every event that waits on someone reaches exactly the accounts of the sides concerned — a party's own
/// accounts and the bureau responsible for its place — and nobody else. Works in Heilongjiang (23) and Jilin (22),
/// which no other test uses, so the accounts made here are the only ones there.</summary>
public class InboxTests(PortalFixture portal)
{
    private Task<EducationBureau> BureauAsync(string regionCode) => portal.CreateBureauAsync(regionCode, "通知测试教育局");

    private Task<Dictionary<NotificationKind, HashSet<Guid>>> RecipientsAsync(Guid recordId) => portal.WithDatabaseAsync(async db =>
        (await db.Notifications.Where(n => n.RecordId == recordId).ToListAsync())
            .GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Select(n => n.RecipientUserId).ToHashSet()));

    [Fact]
    public async Task Each_agreement_event_reaches_exactly_the_accounts_of_the_sides_concerned_and_the_badge_counts_them()
    {
        var harbinSchool = await portal.CreateInstitutionAsync("230102", "哈尔滨通知校");
        var changchunSchool = await portal.CreateInstitutionAsync("220102", "长春通知校");
        var harbinPrincipal = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: harbinSchool.Id);
        var changchunPrincipal = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: changchunSchool.Id);
        var harbin = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: (await BureauAsync("230100")).Id);
        await BureauAsync("230102"); // the county bureau has no account: Harbin answers for the school
        var jilin = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: (await BureauAsync("220000")).Id);
        var deactivated = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: (await BureauAsync("220000")).Id);
        await portal.WithDatabaseAsync(async db => { (await db.Users.SingleAsync(u => u.Id == deactivated.Id)).LockoutEnd = DateTimeOffset.MaxValue; return await db.SaveChangesAsync(); });

        // Harbin records the pairing: its own side is confirmed by recording, Changchun's side is asked.
        var agreementId = await portal.CreatePairingAsync(harbinSchool, changchunSchool, recorderKey: "r:2301", recorderUserId: harbin.Id);
        Assert.Equal([changchunPrincipal.Id, jilin.Id], (await RecipientsAsync(agreementId))[NotificationKind.ConfirmationRequested].Order());

        // The principal sees the badge, opens the notification (read, and on the agreement's page) and confirms there.
        using var principal = await portal.SignedInAsync(changchunPrincipal);
        var home = await principal.GetAsync("/");
        Assert.Equal("1", home.Document.QuerySelector("[data-testid=inbox-badge]")?.FirstChild?.TextContent);
        var inbox = await principal.GetAsync("/Inbox");
        var entry = Assert.Single(inbox.Document.QuerySelectorAll("[data-testid=inbox] li"));
        Assert.Equal("false", entry.GetAttribute("data-read"));
        Assert.Contains("等待我方确认", entry.TextContent, StringComparison.Ordinal);
        var opened = await principal.GetAsync(entry.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal($"/Agreements/{agreementId}", opened.Url.AbsolutePath);
        Assert.Null(opened.Document.QuerySelector("[data-testid=inbox-badge]"));
        await principal.SubmitAsync(opened, "[data-testid=confirm-form]");
        // A second press of the same button says it is done, not "access denied".
        var twice = await principal.SubmitAsync(opened, "[data-testid=confirm-form]");
        Assert.Equal($"/Agreements/{agreementId}", twice.Url.AbsolutePath);
        Assert.Contains("我方已确认过这些条款", twice.Text, StringComparison.Ordinal);

        // Harbin's side hears of it (its principal and the Harbin bureau); the confirming principal does not, nor Jilin.
        var recipients = await RecipientsAsync(agreementId);
        Assert.Equal([harbinPrincipal.Id, harbin.Id], recipients[NotificationKind.ConfirmedByPartner].Order());
        Assert.Equal(AgreementStatus.Active, await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Status).SingleAsync()));

        // Harbin changes the terms: Changchun's side is asked again.
        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleAsync(a => a.Id == agreementId);
            stored.ChangeTerms(new AgreementTerms(stored.Kind, stored.Title, null, null,
                [.. stored.Parties.Select(p => new PartyTerms(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode, null, null, null))],
                stored.EffectiveFrom, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), stored.Modes, null, null), "r:2301", harbin.Id, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal([changchunPrincipal.Id, jilin.Id], (await RecipientsAsync(agreementId))[NotificationKind.TermsChanged].Order());

        // Confirmed again, it ends within 90 days: every side's accounts are reminded, once, however often the job runs.
        await principal.SubmitAsync(await principal.GetAsync($"/Agreements/{agreementId}"), "[data-testid=confirm-form]");
        var expiry = portal.Factory.Services.GetRequiredService<AgreementExpiry>();
        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);
        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);
        var ending = await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecordId == agreementId && n.Kind == NotificationKind.AgreementEnding)
            .Select(n => n.RecipientUserId).ToListAsync());
        Assert.Equal([harbinPrincipal.Id, changchunPrincipal.Id, harbin.Id, jilin.Id], ending.Order());
        Assert.DoesNotContain(deactivated.Id, (await RecipientsAsync(agreementId)).Values.SelectMany(ids => ids));

        // Nobody reads another's inbox: someone else's notification is not found.
        using var other = await portal.SignedInAsync("hunan.staff@demo.local");
        var foreign = await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecordId == agreementId).Select(n => n.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Inbox?handler=Open&id={foreign}")).Status);
        Assert.DoesNotContain(agreementId.ToString(), (await other.GetAsync("/Inbox")).Document.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_request_reaches_the_bureau_responsible_for_the_partners_place_and_its_answer_the_requester()
    {
        // Liaoning (21): no other test has accounts there.
        var shenyang = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: (await BureauAsync("210100")).Id);
        var (requester, session) = await portal.SignedInNewUserAsync(Roles.BureauStaff);
        var requestId = await portal.WithDatabaseAsync(async db =>
        {
            var request = new RegistrationRequest($"待登记学校 {Guid.NewGuid():N}"[..14], InstitutionKind.SecondaryVocationalSchool, "210103", null, "王老师",
                requester.Id, requester.DisplayName, null, null, DateTimeOffset.UtcNow);
            db.RegistrationRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        Assert.Equal([shenyang.Id], (await RecipientsAsync(requestId))[NotificationKind.RegistrationRequested]);

        using var bureau = await portal.SignedInAsync(shenyang);
        var requests = await bureau.GetAsync("/Partners/Requests");
        await bureau.SubmitAsync(requests, $"[data-testid=to-us] tr[data-request='{requestId}'] [data-testid=decline-form]",
            new Dictionary<string, string> { ["Decline.Reason"] = "该校已撤销" });

        var answered = (await RecipientsAsync(requestId))[NotificationKind.RegistrationDeclined];
        Assert.Equal([requester.Id], answered);
        var inbox = await session.GetAsync("/Inbox");
        Assert.Contains("该校已撤销", inbox.Document.QuerySelector("[data-testid=inbox]")?.TextContent, StringComparison.Ordinal);
    }
}
