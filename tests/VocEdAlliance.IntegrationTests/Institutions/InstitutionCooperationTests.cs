using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.IntegrationTests.Institutions;

/// <summary>An institution's page shows its cooperation: agreements, alliances, activities, plans and partners, each
/// paged, with counts; a partner opens as its public profile, even where its own page is out of the user's scope.</summary>
public class InstitutionCooperationTests(PortalFixture portal)
{
    private static List<string> Rows(PortalPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=cooperation] .list-group-item > a").Select(a => a.TextContent.Trim())];

    private static string Count(PortalPage page, string tab) =>
        page.Document.QuerySelector($"[data-testid=tab-{tab}] .badge")!.TextContent;

    [Fact]
    public async Task A_principal_sees_the_schools_agreements_activities_plans_and_partners_and_opens_a_partner_out_of_scope()
    {
        // In Henan (41), which no other test uses: 27 agreements there change nobody else's lists.
        var school = await portal.CreateInstitutionAsync("410102", "合作页测试校");
        var partners = new List<Web.Domain.Organisations.Institution>();
        for (var i = 0; i < 26; i++)
        {
            partners.Add(await portal.CreateInstitutionAsync(i % 2 == 0 ? "410103" : "410104", "合作页伙伴"));
        }
        var agreements = new List<Guid>();
        foreach (var partner in partners)
        {
            agreements.Add(await portal.CreatePairingAsync(school, partner));
        }
        await portal.WithDatabaseAsync(async db =>
        {
            var first = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == agreements[0]);
            db.Activities.Add(CooperationActivity.Record(first, null, new ActivityDetails(ActivityKind.Visit, "合作页测试考察", new DateOnly(2025, 5, 1),
                null, null, null, new ActivityOutcomes(Participants: 8), null), (await db.Users.FirstAsync()).Id, DateTimeOffset.UtcNow));
            db.Plans.Add(new YearlyPlan(first, 2025, new PlanTargets(Visits: 2)));
            return await db.SaveChangesAsync();
        });
        // An agreement between two other schools is not the school's.
        await portal.CreatePairingAsync(partners[0], partners[1]);
        using var principal = await portal.SignedInPrincipalAsync(school);

        var page = await principal.GetAsync($"/Institutions/{school.Id}");
        Assert.Equal(("26", "0", "1", "1", "26"), (Count(page, "Agreements"), Count(page, "Alliances"), Count(page, "Activities"), Count(page, "Plans"), Count(page, "Partners")));
        Assert.Equal(Paging.DefaultPageSize, Rows(page).Count);
        var second = await principal.GetAsync($"/Institutions/{school.Id}?p=2");
        Assert.Single(Rows(second));

        Assert.Equal(["合作页测试考察"], Rows(await principal.GetAsync($"/Institutions/{school.Id}?show=Activities")));
        Assert.Single(Rows(await principal.GetAsync($"/Institutions/{school.Id}?show=Plans")));

        // The partners: another school's own page is out of a principal's scope; its public profile opens.
        var partnerList = await principal.GetAsync($"/Institutions/{school.Id}?show=Partners");
        Assert.Equal(HttpStatusCode.OK, partnerList.Status);
        Assert.Contains(partners[0].Name, Rows(partnerList));
        var link = partnerList.Document.QuerySelectorAll("[data-testid=cooperation] .list-group-item > a").First(a => a.TextContent.Trim() == partners[0].Name).GetAttribute("href")!;
        Assert.Equal($"/Partners/Profile/{partners[0].Id}", link);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Institutions/{partners[0].Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync(link)).Status);

        // Nonsense in the address shows the agreements, never an error.
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/Institutions/{school.Id}?show=%00&p=-5")).Status);
    }

    [Fact]
    public async Task The_demo_principal_finds_the_own_pairing_partner_through_the_schools_page()
    {
        var (school, spa) = await portal.WithDatabaseAsync(async db => (
            await db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Honghuagang),
            await db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Spa)));
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");

        var partners = await principal.GetAsync($"/Institutions/{school.Id}?show=Partners");
        Assert.Contains(DemoOrganisations.Spa, Rows(partners));
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/Partners/Profile/{spa.Id}")).Status);
    }

    [Fact]
    public async Task A_principal_gives_the_school_a_website_which_its_partner_reads_on_the_public_profile()
    {
        var school = await portal.CreateInstitutionAsync("410105", "网站测试校");
        var partner = await portal.CreateInstitutionAsync("410106", "网站测试伙伴");
        await portal.CreatePairingAsync(school, partner);
        using var principal = await portal.SignedInPrincipalAsync(school);
        var form = await principal.GetAsync($"/Institutions/Edit/{school.Id}");

        var refused = await principal.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Website"] = "javascript:alert(1)" });
        Assert.Equal("请填写完整的网址，以 http:// 或 https:// 开头。", refused.FieldError("Input.Website"));
        Assert.Null(await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.Website).SingleAsync()));
        await principal.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Website"] = " https://www.example.edu.cn/ " });

        using var other = await portal.SignedInPrincipalAsync(partner);
        var profile = await other.GetAsync($"/Partners/Profile/{school.Id}");
        Assert.Equal("https://www.example.edu.cn/", profile.Document.QuerySelector("[data-testid=website]")?.GetAttribute("href"));
    }
}
