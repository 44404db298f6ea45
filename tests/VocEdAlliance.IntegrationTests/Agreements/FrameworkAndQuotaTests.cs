using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>Framework agreements and their pairings, parties' roles and order, industrial colleges and yearly quotas,
/// through the agreement forms as bureau staff use them.</summary>
public class FrameworkAndQuotaTests(PortalFixture portal)
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    [Fact]
    public async Task A_framework_lists_its_initiator_first_and_the_pairing_that_implements_it_and_each_page_links_to_the_other()
    {
        var first = await portal.CreateInstitutionAsync("520302", "框架甲校");
        var second = await portal.CreateInstitutionAsync("520303", "框架乙校");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var frameworkTitle = Unique("遵义职教框架协议");

        // Typed with the schools first; the bureau, the initiator, is moved up to the top before saving.
        var form = await zunyi.GetAsync("/Agreements/Create");
        var typed = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Framework), ["Input.Title"] = frameworkTitle, ["Input.EffectiveFrom"] = "2025-03-01",
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
            ["Input.Parties[2].Organisation"] = DemoOrganisations.ZunyiBureau, ["Input.Parties[2].Role"] = nameof(PartyRole.Initiator),
        };
        var threeRows = await zunyi.SubmitAsync(form, PortalSession.MainForm, null, ("row", "party"));
        Assert.Equal(3, threeRows.Document.QuerySelectorAll("[data-testid=party-row]").Length);
        var moved = await zunyi.SubmitAsync(threeRows, PortalSession.MainForm, typed, ("row", "up:2"));
        moved = await zunyi.SubmitAsync(moved, PortalSession.MainForm, null, ("row", "up:1"));
        Assert.Equal([DemoOrganisations.ZunyiBureau, first.Name, second.Name],
            moved.Document.QuerySelectorAll("input[name$='].Organisation']").Select(i => i.GetAttribute("value")));
        var framework = await zunyi.SubmitAsync(moved, PortalSession.MainForm);

        Assert.Equal(["发起方", "签约方", "签约方"], framework.Document.QuerySelectorAll("[data-testid=party-role]").Select(c => c.TextContent));
        Assert.Equal([DemoOrganisations.ZunyiBureau, first.Name, second.Name],
            framework.Document.QuerySelectorAll("[data-testid=party-profile]").Select(a => a.TextContent));
        var frameworkId = Guid.Parse(framework.Url.AbsolutePath.Split('/')[^1]);

        var pairingTitle = Unique("依框架结对");
        var pairing = await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = pairingTitle, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = frameworkId.ToString(),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
        });

        Assert.Equal(frameworkTitle, pairing.Document.QuerySelector("[data-testid=implements]")?.TextContent);
        Assert.Equal($"/Agreements/{frameworkId}", pairing.Document.QuerySelector("[data-testid=implements]")?.GetAttribute("href"));
        var listed = (await zunyi.GetAsync($"/Agreements/{frameworkId}")).Document.QuerySelector("[data-testid=implemented-by]");
        Assert.Contains(pairingTitle, listed?.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == frameworkId));
        Assert.Equal([(1, PartyRole.Initiator), (2, PartyRole.Signatory), (3, PartyRole.Signatory)],
            stored.PartiesInOrder.Select(p => (p.Position, p.Role)));
    }

    [Fact]
    public async Task A_framework_outside_the_users_scope_cannot_be_named_and_its_pairings_stay_off_the_page_of_those_who_may_not_see_them()
    {
        var hunanFramework = await portal.WithDatabaseAsync(async db =>
        {
            var bureau = await db.Bureaus.FirstAsync(b => b.Name == DemoOrganisations.LiuyangBureau);
            var school = new Institution(Unique("浏阳框架校"), null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "430181", new InstitutionProfile(), 2026);
            db.Institutions.Add(school);
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Framework, Unique("浏阳框架"), null, null,
                [new(bureau.Id, bureau.Name, bureau.Type, null, bureau.RegionCode, null, null, null, PartyRole.Initiator),
                 new(school.Id, school.Name, school.Type, school.Kind, school.RegionCode, null, null, null)],
                new DateOnly(2024, 1, 1), null, [], null, null), null, null, DateTimeOffset.UtcNow, (await db.Users.FirstAsync()).Id);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement;
        });
        var first = await portal.CreateInstitutionAsync("520302", "越权甲校");
        var second = await portal.CreateInstitutionAsync("520303", "越权乙校");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await zunyi.GetAsync("/Agreements/Create");
        Assert.Null(form.Document.QuerySelector($"option[value='{hunanFramework.Id}']"));
        var title = Unique("越权结对");

        var refused = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = hunanFramework.Id.ToString(),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("未找到您可查看的该框架协议", refused.FieldError("Input.ImplementsFrameworkId"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        // A Hunan pairing under the Hunan framework: Liuyang sees it listed there; Zunyi opens neither.
        var pairingTitle = Unique("浏阳框架下结对");
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        var liuyangFirst = await portal.CreateInstitutionAsync("430181", "浏阳甲校");
        var liuyangSecond = await portal.CreateInstitutionAsync("430181", "浏阳乙校");
        await liuyang.SubmitAsync(await liuyang.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = pairingTitle, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = hunanFramework.Id.ToString(),
            ["Input.Parties[0].Organisation"] = liuyangFirst.Name, ["Input.Parties[1].Organisation"] = liuyangSecond.Name,
        });
        Assert.Contains(pairingTitle, (await liuyang.GetAsync($"/Agreements/{hunanFramework.Id}")).Document.QuerySelector("[data-testid=implemented-by]")?.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Agreements/{hunanFramework.Id}")).Status);
    }

    [Fact]
    public async Task A_quota_added_on_the_form_is_shown_asks_the_other_side_to_confirm_again_and_stands_beside_the_plans_target()
    {
        var zunyiSchool = await portal.CreateInstitutionAsync("520302", "名额遵义校");
        var shanghaiSchool = await portal.CreateInstitutionAsync("310116", "名额上海校");
        var agreementId = await portal.CreatePairingAsync(zunyiSchool, shanghaiSchool);
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        var edit = await zunyi.GetAsync($"/Agreements/Edit/{agreementId}");
        var withRow = await zunyi.SubmitAsync(edit, PortalSession.MainForm, null, ("row", "quota"));
        Assert.Single(withRow.Document.QuerySelectorAll("[data-testid=quota-row]"));
        var saved = await zunyi.SubmitAsync(withRow, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Quotas[0].Mode"] = nameof(CooperationMode.TeacherTraining), ["Input.Quotas[0].PeoplePerYear"] = "20",
            ["Input.Quotas[0].FromYear"] = "2025", ["Input.Quotas[0].ToYear"] = "2026",
        });

        Assert.Equal($"/Agreements/{agreementId}", saved.Url.AbsolutePath);
        Assert.Equal("师资培训：每年20人（2025–2026）", saved.Document.QuerySelector("[data-testid=quotas] li")?.TextContent);
        Assert.Equal("待对方确认", saved.Document.QuerySelector("[data-testid=status]")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreementId));
        Assert.Equal([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2025, 2026)], stored.Quotas);
        Assert.Contains("quota: TeacherTraining 2025-2026 20", stored.TermsText, StringComparison.Ordinal);

        var planForm = await zunyi.GetAsync($"/Plans/Edit?agreementId={agreementId}");
        Assert.Contains("师资培训：每年20人（2025–2026）", planForm.Document.QuerySelector("[data-testid=agreed-quotas]")?.TextContent, StringComparison.Ordinal);
        var plan = await zunyi.SubmitAsync(planForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Year"] = "2025", ["Input.TeachersTrained"] = "15" });
        var teachers = plan.Document.QuerySelectorAll("[data-testid=indicators] tbody tr").Single(r => r.TextContent.Contains("培训教师", StringComparison.Ordinal));
        Assert.Equal(["20", "15", "0", "0.0%"], teachers.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task An_industrial_college_is_recorded_with_its_name_and_a_quota_for_a_mode_not_agreed_is_explained_and_saves_nothing()
    {
        var college = await portal.CreateInstitutionAsync("520302", "遵义高职", InstitutionKind.HigherVocationalCollege);
        var enterprise = await portal.CreateInstitutionAsync("520302", "遵义企业", InstitutionKind.Enterprise);
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var title = Unique("遵义产业学院共建");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.IndustrialCollege), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-09-01",
            ["Input.CollegeName"] = "遵义辣椒产业学院", ["Input.Modes"] = nameof(CooperationMode.TrainingBase), ["Input.Specialties"] = "食品加工技术",
            ["Input.Parties[0].Organisation"] = college.Name, ["Input.Parties[1].Organisation"] = enterprise.Name,
            ["Input.Quotas[0].Mode"] = nameof(CooperationMode.StudentExchange), ["Input.Quotas[0].PeoplePerYear"] = "40", ["Input.Quotas[0].FromYear"] = "2025",
        };

        var refused = await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, fields);
        Assert.Contains("只能为本协议已选的合作方式设定名额", refused.FieldError("Input.Quotas"), StringComparison.Ordinal);
        Assert.Equal("遵义辣椒产业学院", refused.Document.QuerySelector("#Input_CollegeName")?.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        fields["Input.Quotas[0].Mode"] = nameof(CooperationMode.TrainingBase);
        var recorded = await zunyi.SubmitAsync(refused, PortalSession.MainForm, fields);

        Assert.Equal("遵义辣椒产业学院", recorded.Document.QuerySelector("[data-testid=college-name]")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Title == title));
        Assert.Equal((AgreementKind.IndustrialCollege, "遵义辣椒产业学院", AgreementStatus.Active), (stored.Kind, stored.CollegeName, stored.Status));
        Assert.Equal([new AgreementQuota(CooperationMode.TrainingBase, 40, 2025, 2025)], stored.Quotas);
    }
}
