using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.IntegrationTests.Api;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>Framework agreements and their pairings, parties' roles and order, industrial colleges and yearly quotas,
/// through the agreement forms as bureau staff use them.</summary>
public class FrameworkAndQuotaTests(PortalFixture portal)
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    /// <summary>A new bureau of a region and a signed-in staff account of it. These tests keep to Sichuan (51), Chongqing
    /// (50) and Anhui (34), where no other test counts records.</summary>
    private async Task<(EducationBureau Bureau, string Email, PortalSession Session)> StaffAsync(string region)
    {
        var bureau = await portal.CreateBureauAsync(region);
        var user = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id);
        return (bureau, user.Email!, await portal.SignedInAsync(user));
    }

    [Fact]
    public async Task A_framework_lists_its_initiator_first_and_the_pairing_that_implements_it_and_each_page_links_to_the_other()
    {
        var first = await portal.CreateInstitutionAsync("510104", "框架甲校");
        var second = await portal.CreateInstitutionAsync("510105", "框架乙校");
        var (chengdu, _, session) = await StaffAsync("510100");
        using var chengduStaff = session;
        var frameworkTitle = Unique("遵义职教框架协议");

        // Typed with the schools first; the bureau, the initiator, is moved up to the top before saving.
        var form = await chengduStaff.GetAsync("/Agreements/Create");
        var typed = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Framework), ["Input.Title"] = frameworkTitle, ["Input.EffectiveFrom"] = "2025-03-01",
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
            ["Input.Parties[2].Organisation"] = chengdu.Name, ["Input.Parties[2].Role"] = nameof(PartyRole.Initiator),
        };
        var threeRows = await chengduStaff.SubmitAsync(form, PortalSession.MainForm, null, ("row", "party"));
        Assert.Equal(3, threeRows.Document.QuerySelectorAll("[data-testid=party-row]").Length);
        var moved = await chengduStaff.SubmitAsync(threeRows, PortalSession.MainForm, typed, ("row", "up:2"));
        moved = await chengduStaff.SubmitAsync(moved, PortalSession.MainForm, null, ("row", "up:1"));
        Assert.Equal([chengdu.Name, first.Name, second.Name],
            moved.Document.QuerySelectorAll("input[name$='].Organisation']").Select(i => i.GetAttribute("value")));
        var framework = await chengduStaff.SubmitAsync(moved, PortalSession.MainForm);

        Assert.Equal(["发起方", "签约方", "签约方"], framework.Document.QuerySelectorAll("[data-testid=party-role]").Select(c => c.TextContent));
        Assert.Equal([chengdu.Name, first.Name, second.Name],
            framework.Document.QuerySelectorAll("[data-testid=party-profile]").Select(a => a.TextContent));
        var frameworkId = Guid.Parse(framework.Url.AbsolutePath.Split('/')[^1]);

        var pairingTitle = Unique("依框架结对");
        var pairing = await chengduStaff.SubmitAsync(await chengduStaff.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = pairingTitle, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = frameworkId.ToString(),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
        });

        Assert.Equal(frameworkTitle, pairing.Document.QuerySelector("[data-testid=implements]")?.TextContent);
        Assert.Equal($"/Agreements/{frameworkId}", pairing.Document.QuerySelector("[data-testid=implements]")?.GetAttribute("href"));
        var listed = (await chengduStaff.GetAsync($"/Agreements/{frameworkId}")).Document.QuerySelector("[data-testid=implemented-by]");
        Assert.Contains(pairingTitle, listed?.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == frameworkId));
        Assert.Equal([(1, PartyRole.Initiator), (2, PartyRole.Signatory), (3, PartyRole.Signatory)],
            stored.PartiesInOrder.Select(p => (p.Position, p.Role)));
    }

    [Fact]
    public async Task A_framework_outside_the_users_scope_cannot_be_named_and_its_pairings_stay_off_the_page_of_those_who_may_not_see_them()
    {
        var (anhui, _, anhuiSession) = await StaffAsync("340100");
        using var hefei = anhuiSession;
        var anhuiFramework = await portal.WithDatabaseAsync(async db =>
        {
            var school = new Institution(Unique("合肥框架校"), null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "340102", new InstitutionProfile(), 2026);
            db.Institutions.Add(school);
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Framework, Unique("合肥框架"), null, null,
                [new(anhui.Id, anhui.Name, anhui.Type, null, anhui.RegionCode, null, null, null, PartyRole.Initiator),
                 new(school.Id, school.Name, school.Type, school.Kind, school.RegionCode, null, null, null)],
                new DateOnly(2024, 1, 1), null, [], null, null), null, null, DateTimeOffset.UtcNow, (await db.Users.FirstAsync()).Id);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement;
        });
        var first = await portal.CreateInstitutionAsync("510104", "越权甲校");
        var second = await portal.CreateInstitutionAsync("510105", "越权乙校");
        var (_, _, chengduSession) = await StaffAsync("510100");
        using var chengdu = chengduSession;
        var form = await chengdu.GetAsync("/Agreements/Create");
        Assert.Null(form.Document.QuerySelector($"option[value='{anhuiFramework.Id}']"));
        var title = Unique("越权结对");

        var refused = await chengdu.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = anhuiFramework.Id.ToString(),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("未找到您可查看的该框架协议", refused.FieldError("Input.ImplementsFrameworkId"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        // An Anhui pairing under the Anhui framework: Hefei sees it listed there; Chengdu opens neither.
        var pairingTitle = Unique("合肥框架下结对");
        var hefeiFirst = await portal.CreateInstitutionAsync("340102", "合肥甲校");
        var hefeiSecond = await portal.CreateInstitutionAsync("340103", "合肥乙校");
        await hefei.SubmitAsync(await hefei.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = pairingTitle, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = anhuiFramework.Id.ToString(),
            ["Input.Parties[0].Organisation"] = hefeiFirst.Name, ["Input.Parties[1].Organisation"] = hefeiSecond.Name,
        });
        Assert.Contains(pairingTitle, (await hefei.GetAsync($"/Agreements/{anhuiFramework.Id}")).Document.QuerySelector("[data-testid=implemented-by]")?.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await chengdu.GetAsync($"/Agreements/{anhuiFramework.Id}")).Status);
    }

    [Fact]
    public async Task A_quota_added_on_the_form_is_shown_asks_the_other_side_to_confirm_again_and_stands_beside_the_plans_target()
    {
        var chengduSchool = await portal.CreateInstitutionAsync("510104", "名额成都校");
        var chongqingSchool = await portal.CreateInstitutionAsync("500101", "名额重庆校");
        var agreementId = await portal.CreatePairingAsync(chengduSchool, chongqingSchool);
        var (_, _, session) = await StaffAsync("510100");
        using var chengduStaff = session;

        var edit = await chengduStaff.GetAsync($"/Agreements/Edit/{agreementId}");
        var withRow = await chengduStaff.SubmitAsync(edit, PortalSession.MainForm, null, ("row", "quota"));
        Assert.Single(withRow.Document.QuerySelectorAll("[data-testid=quota-row]"));
        var saved = await chengduStaff.SubmitAsync(withRow, PortalSession.MainForm, new Dictionary<string, string>
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

        var planForm = await chengduStaff.GetAsync($"/Plans/Edit?agreementId={agreementId}");
        Assert.Contains("师资培训：每年20人（2025–2026）", planForm.Document.QuerySelector("[data-testid=agreed-quotas]")?.TextContent, StringComparison.Ordinal);
        var plan = await chengduStaff.SubmitAsync(planForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Year"] = "2025", ["Input.TeachersTrained"] = "15" });
        var teachers = plan.Document.QuerySelectorAll("[data-testid=indicators] tbody tr").Single(r => r.TextContent.Contains("培训教师", StringComparison.Ordinal));
        Assert.Equal(["20", "15", "0", "0.0%"], teachers.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task An_industrial_college_is_recorded_with_its_name_and_a_quota_for_a_mode_not_agreed_is_explained_and_saves_nothing()
    {
        var college = await portal.CreateInstitutionAsync("510104", "成都高职", InstitutionKind.HigherVocationalCollege);
        var enterprise = await portal.CreateInstitutionAsync("510104", "成都企业", InstitutionKind.Enterprise);
        var (_, _, session) = await StaffAsync("510100");
        using var chengduStaff = session;
        var title = Unique("遵义产业学院共建");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.IndustrialCollege), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-09-01",
            ["Input.CollegeName"] = "遵义辣椒产业学院", ["Input.Modes"] = nameof(CooperationMode.TrainingBase), ["Input.Specialties"] = "食品加工技术",
            ["Input.Parties[0].Organisation"] = college.Name, ["Input.Parties[1].Organisation"] = enterprise.Name,
            ["Input.Quotas[0].Mode"] = nameof(CooperationMode.StudentExchange), ["Input.Quotas[0].PeoplePerYear"] = "40", ["Input.Quotas[0].FromYear"] = "2025",
        };

        var refused = await chengduStaff.SubmitAsync(await chengduStaff.GetAsync("/Agreements/Create"), PortalSession.MainForm, fields);
        Assert.Contains("只能为本协议已选的合作方式设定名额", refused.FieldError("Input.Quotas"), StringComparison.Ordinal);
        Assert.Equal("遵义辣椒产业学院", refused.Document.QuerySelector("#Input_CollegeName")?.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        fields["Input.Quotas[0].Mode"] = nameof(CooperationMode.TrainingBase);
        var recorded = await chengduStaff.SubmitAsync(refused, PortalSession.MainForm, fields);

        Assert.Equal("遵义辣椒产业学院", recorded.Document.QuerySelector("[data-testid=college-name]")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Title == title));
        Assert.Equal((AgreementKind.IndustrialCollege, "遵义辣椒产业学院", AgreementStatus.Active), (stored.Kind, stored.CollegeName, stored.Status));
        Assert.Equal([new AgreementQuota(CooperationMode.TrainingBase, 40, 2025, 2025)], stored.Quotas);
    }

    /// <summary>A framework of Anhui's and Chengdu's bureaus (Anhui initiates it) and a Chengdu–Chongqing pairing under
    /// it, recorded by the system: Chengdu's staff see both, Chongqing's the pairing only.</summary>
    private async Task<(Guid Framework, Guid Pairing, (string Email, PortalSession Session) Chengdu, (string Email, PortalSession Session) Chongqing)>
        FrameworkAcrossProvincesAsync()
    {
        var chengduSchool = await portal.CreateInstitutionAsync("510104", "框架下成都校");
        var chongqingSchool = await portal.CreateInstitutionAsync("500101", "框架下重庆校");
        var anhui = await portal.CreateBureauAsync("340000");
        var (chengdu, chengduEmail, chengduSession) = await StaffAsync("510100");
        var (_, chongqingEmail, chongqingSession) = await StaffAsync("500000");
        var (framework, pairing) = await portal.WithDatabaseAsync(async db =>
        {
            var user = (await db.Users.FirstAsync()).Id;
            var framework = Agreement.Record(new AgreementTerms(AgreementKind.Framework, Unique("皖川框架"), null, null,
                [new(anhui.Id, anhui.Name, anhui.Type, null, anhui.RegionCode, null, null, null, PartyRole.Initiator),
                 new(chengdu.Id, chengdu.Name, chengdu.Type, null, chengdu.RegionCode, null, null, null)],
                new DateOnly(2024, 1, 1), null, [], null, null), null, null, DateTimeOffset.UtcNow, user);
            var pairing = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, Unique("框架下川渝结对"), null, null,
                [new(chengduSchool.Id, chengduSchool.Name, chengduSchool.Type, chengduSchool.Kind, chengduSchool.RegionCode, null, null, null),
                 new(chongqingSchool.Id, chongqingSchool.Name, chongqingSchool.Type, chongqingSchool.Kind, chongqingSchool.RegionCode, null, null, null)],
                new DateOnly(2025, 1, 1), null, [CooperationMode.TeacherTraining], null, null, ImplementsFrameworkId: framework.Id),
                null, null, DateTimeOffset.UtcNow, user);
            db.Agreements.AddRange(framework, pairing);
            await db.SaveChangesAsync();
            return (framework.Id, pairing.Id);
        });
        return (framework, pairing, (chengduEmail, chengduSession), (chongqingEmail, chongqingSession));
    }

    [Fact]
    public async Task A_side_that_may_not_see_the_framework_keeps_the_link_when_it_edits_or_imports_and_the_api_does_not_name_it()
    {
        var (framework, pairing, chengdu, chongqing) = await FrameworkAcrossProvincesAsync();
        using var chongqingStaff = chongqing.Session;
        using var chengduStaff = chengdu.Session;

        var edit = await chongqingStaff.GetAsync($"/Agreements/Edit/{pairing}");
        Assert.Null(edit.Document.QuerySelector($"option[value='{framework}']"));
        Assert.Contains("不在您的查看范围内", edit.Document.QuerySelector("#framework-hint")?.TextContent, StringComparison.Ordinal);
        var saved = await chongqingStaff.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Notes"] = "重庆方补充备注" });
        Assert.Equal($"/Agreements/{pairing}", saved.Url.AbsolutePath);
        Assert.Null(saved.Document.QuerySelector("[data-testid=implements]"));

        var search = Uri.EscapeDataString(await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == pairing).Select(a => a.Title).SingleAsync()));
        var export = await chongqingStaff.Http.GetByteArrayAsync($"/Agreements?handler=Export&format=csv&q={search}", TestContext.Current.CancellationToken);
        var checkedPage = await Import.ImportSteps.UploadAsync(chongqingStaff, export, "协议.csv", "Agreements");
        Assert.Equal("新增 0 · 更新 0 · 未变 1 · 拒绝 0", Import.ImportSteps.Summary(checkedPage));

        var stored = await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == pairing));
        Assert.Equal((framework, "重庆方补充备注"), (stored.ImplementsFrameworkId, stored.Notes));
        Assert.Equal($"/Agreements/{framework}", (await chengduStaff.GetAsync($"/Agreements/{pairing}")).Document.QuerySelector("[data-testid=implements]")?.GetAttribute("href"));

        var (chongqingApi, _) = await ApiClient.ForAsync(portal.Factory, chongqing.Email);
        var (chengduApi, _) = await ApiClient.ForAsync(portal.Factory, chengdu.Email);
        using (chongqingApi)
        using (chengduApi)
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null,
                (await chongqingApi.SendAsync(HttpMethod.Get, $"/api/v1/agreements/{pairing}")).Body.GetProperty("implementsFrameworkId").ValueKind);
            Assert.Equal(framework.ToString(),
                (await chengduApi.SendAsync(HttpMethod.Get, $"/api/v1/agreements/{pairing}")).Body.GetProperty("implementsFrameworkId").GetString());
        }
    }

    [Fact]
    public async Task A_framework_others_implement_keeps_its_kind_and_an_archived_framework_cannot_be_named()
    {
        var (framework, _, chengdu, chongqing) = await FrameworkAcrossProvincesAsync();
        using var chengduStaff = chengdu.Session;
        chongqing.Session.Dispose();

        var refused = await chengduStaff.SubmitAsync(await chengduStaff.GetAsync($"/Agreements/Edit/{framework}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Kind"] = nameof(AgreementKind.Pairing) });
        Assert.Contains("已有协议落实本框架协议", refused.FieldError("Input.Kind"), StringComparison.Ordinal);
        Assert.Equal(AgreementKind.Framework, await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == framework).Select(a => a.Kind).SingleAsync()));

        await portal.WithDatabaseAsync(async db =>
        {
            (await db.Agreements.SingleAsync(a => a.Id == framework)).Archive();
            return await db.SaveChangesAsync();
        });
        var first = await portal.CreateInstitutionAsync("510104", "归档框架甲校");
        var second = await portal.CreateInstitutionAsync("510105", "归档框架乙校");
        var title = Unique("依归档框架结对");
        var form = await chengduStaff.GetAsync("/Agreements/Create");
        Assert.Null(form.Document.QuerySelector($"option[value='{framework}']"));
        var archived = await chengduStaff.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.ImplementsFrameworkId"] = framework.ToString(),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
        });
        Assert.Contains("未找到您可查看的该框架协议", archived.FieldError("Input.ImplementsFrameworkId"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task A_role_not_offered_is_explained_next_to_it_and_the_history_names_roles_and_quotas_in_the_users_words()
    {
        var first = await portal.CreateInstitutionAsync("510104", "角色甲校");
        var second = await portal.CreateInstitutionAsync("510105", "角色乙校");
        var (_, _, session) = await StaffAsync("510100");
        using var chengduStaff = session;
        var title = Unique("角色结对");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-04-01",
            ["Input.Modes"] = nameof(CooperationMode.TeacherTraining),
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[0].Role"] = "Boss", ["Input.Parties[1].Organisation"] = second.Name,
        };

        var refused = await chengduStaff.SubmitAsync(await chengduStaff.GetAsync("/Agreements/Create"), PortalSession.MainForm, fields);
        Assert.NotEmpty(refused.FieldError("Input.Parties[0].Role"));
        // A choice is taken by its name only: "1" would be 签约方 by its number, offered by no form.
        fields["Input.Parties[0].Role"] = "1";
        refused = await chengduStaff.SubmitAsync(refused, PortalSession.MainForm, fields);
        Assert.Contains("“1”不是角色的有效值", refused.FieldError("Input.Parties[0].Role"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        fields["Input.Parties[0].Role"] = nameof(PartyRole.Initiator);
        var recorded = await chengduStaff.SubmitAsync(refused, PortalSession.MainForm, fields);
        var id = Guid.Parse(recorded.Url.AbsolutePath.Split('/')[^1]);
        var edit = await chengduStaff.SubmitAsync(await chengduStaff.GetAsync($"/Agreements/Edit/{id}"), PortalSession.MainForm, null, ("row", "quota"));
        await chengduStaff.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Parties[0].Role"] = nameof(PartyRole.Signatory), ["Input.Parties[1].Role"] = nameof(PartyRole.Initiator),
            ["Input.Quotas[0].Mode"] = nameof(CooperationMode.TeacherTraining), ["Input.Quotas[0].PeoplePerYear"] = "12", ["Input.Quotas[0].FromYear"] = "2025",
        });

        var history = (await chengduStaff.GetAsync($"/History/agreement/{id}")).Text;
        Assert.Contains("师资培训：每年12人（2025）", history, StringComparison.Ordinal);
        Assert.Contains("发起方", history, StringComparison.Ordinal);
        Assert.DoesNotContain("PartyRole.", history, StringComparison.Ordinal);
        Assert.DoesNotContain("CooperationMode.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_in_english_with_quotas_of_modes_named_in_several_words_imports_back_unchanged()
    {
        var first = await portal.CreateInstitutionAsync("510104", "英文名额甲校");
        var second = await portal.CreateInstitutionAsync("510105", "英文名额乙校");
        var title = Unique("英文导出名额");
        await portal.WithDatabaseAsync(async db =>
        {
            static PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
            db.Agreements.Add(Agreement.Record(new AgreementTerms(AgreementKind.Pairing, title, null, null, [Party(first), Party(second)],
                new DateOnly(2025, 1, 1), null, [CooperationMode.TeacherTraining, CooperationMode.StudentExchange], null, null,
                Quotas: [new AgreementQuota(CooperationMode.TeacherTraining, 20, 2025, 2026), new AgreementQuota(CooperationMode.StudentExchange, 30, 2025, 2025)]),
                null, null, DateTimeOffset.UtcNow, (await db.Users.FirstAsync()).Id));
            return await db.SaveChangesAsync();
        });
        var (_, _, session) = await StaffAsync("510100");
        using var chengduStaff = session;
        await chengduStaff.SubmitAsync(await chengduStaff.GetAsync("/"), "form[action='/Language']", submitter: ("culture", "en"));

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var export = await chengduStaff.Http.GetByteArrayAsync($"/Agreements?handler=Export&format={format}&q={Uri.EscapeDataString(title)}",
                TestContext.Current.CancellationToken);
            var checkedPage = await Import.ImportSteps.UploadAsync(chengduStaff, export, $"agreements.{format}", "Agreements");
            Assert.NotNull(checkedPage.Document.QuerySelector("[data-testid=nothing-to-record]"));
            Assert.Equal("0 new · 0 updated · 1 unchanged · 0 refused", Import.ImportSteps.Summary(checkedPage));
        }
    }
}
