using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>The journey: Zunyi records a Zunyi–Shanghai pairing, Shanghai sees it waiting for its
/// confirmation, the Zunyi principal records an activity on it, and Liuyang sees none of it anywhere.</summary>
public class PairingAcrossProvincesTests(PortalFixture portal)
{

    private static Dictionary<string, string> Pairing(string title, string first, string second) => new()
    {
        ["Input.Kind"] = nameof(AgreementKind.Pairing),
        ["Input.Title"] = title,
        ["Input.EffectiveFrom"] = "2024-09-01",
        ["Input.EffectiveTo"] = "2027-08-31",
        ["Input.Parties[0].Organisation"] = first,
        ["Input.Parties[0].SignatoryName"] = "王强",
        ["Input.Parties[1].Organisation"] = second,
        ["Input.Modes"] = nameof(CooperationMode.TeacherTraining),
    };

    [Fact]
    public async Task Zunyi_records_Shanghai_confirms_next_the_principal_records_and_Liuyang_sees_nothing()
    {
        var title = $"遵沪结对测试协议 {Guid.NewGuid():N}"[..18];

        // Zunyi staff record the pairing; the Shanghai school is named by its full registered name.
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await zunyi.GetAsync("/Agreements/Create");
        var recorded = await zunyi.SubmitAsync(form, PortalSession.MainForm, Pairing(title, DemoOrganisations.Honghuagang, DemoOrganisations.Spa));
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Equal("待对方确认", recorded.Document.QuerySelector("[data-testid=status]")?.TextContent);
        var agreement = await portal.WithDatabaseAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == title));
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, agreement.Status);
        Assert.Contains(AccessKeys.ForJurisdiction("520300"), agreement.AccessKeys);
        Assert.Contains(AccessKeys.ForJurisdiction("310000"), agreement.AccessKeys);
        Assert.Contains(title, (await zunyi.GetAsync("/")).Document.QuerySelector("#waiting-them")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Shanghai staff see it waiting for their confirmation.
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var shanghaiHome = await shanghai.GetAsync("/");
        Assert.Contains(title, shanghaiHome.Document.QuerySelector("#waiting-us")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // The Honghuagang principal records a teacher-training activity on it.
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");
        var create = await principal.GetAsync($"/Activities/Create?agreementId={agreement.Id}");
        var activityPage = await principal.SubmitAsync(create, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeacherTraining",
            ["Input.Title"] = title + " 师资培训",
            ["Input.StartsOn"] = "2024-10-15",
            ["Input.EndsOn"] = "2024-10-19",
            ["Input.Location"] = "上海市金山区",
            ["Input.Teachers"] = "12",
        });
        Assert.Equal("12", activityPage.Document.QuerySelector("[data-testid=teachers]")?.TextContent);
        var activity = await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.AgreementId == agreement.Id));
        Assert.Equal((12, new DateOnly(2024, 10, 15)), (activity.Teachers, activity.StartsOn));

        // The partner school's principal sees the activity the other side recorded.
        using var spa = await portal.SignedInAsync("spa.principal@demo.local");
        Assert.Contains(activity.Title, (await spa.GetAsync("/")).Text, StringComparison.Ordinal);

        // Liuyang: every address is 404, and the agreement and activity appear in no list, search or suggestion.
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        foreach (var url in new[]
                 {
                     $"/Agreements/{agreement.Id}", $"/Agreements/Edit/{agreement.Id}", $"/Agreements/Archive/{agreement.Id}",
                     $"/Activities/{activity.Id}", $"/Activities/Edit/{activity.Id}", $"/Activities/Archive/{activity.Id}",
                     $"/Activities/Create?agreementId={agreement.Id}",
                 })
        {
            Assert.True((await liuyang.GetAsync(url)).Status == HttpStatusCode.NotFound, $"{url} is not 404 for Liuyang");
        }
        var token = (await liuyang.GetAsync("/Agreements/Create")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/Agreements/Edit/{agreement.Id}", $"/Agreements/Archive/{agreement.Id}", $"/Activities/Edit/{activity.Id}", $"/Activities/Archive/{activity.Id}" })
        {
            var post = await liuyang.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url} is not 404 for Liuyang");
        }
        foreach (var url in new[] { "/", "/Agreements", "/Activities", $"/Agreements?q={Uri.EscapeDataString(title)}", $"/Activities?q={Uri.EscapeDataString(title)}", "/Agreements?archived=true" })
        {
            Assert.DoesNotContain(title, (await liuyang.GetAsync(url)).Text, StringComparison.Ordinal);
        }
        Assert.Equal("[]", await liuyang.Http.GetStringAsync("/Agreements/Organisations?q=红花岗", TestContext.Current.CancellationToken));
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation,
            (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id))).Status);
    }

    [Fact]
    public async Task Wrong_parties_and_dates_are_explained_next_to_their_fields_and_nothing_is_recorded()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var title = $"不应保存的协议 {Guid.NewGuid():N}"[..16];
        var form = await zunyi.GetAsync("/Agreements/Create");

        var onlyOne = await zunyi.SubmitAsync(form, PortalSession.MainForm, Pairing(title, DemoOrganisations.Honghuagang, ""));
        var unknown = await zunyi.SubmitAsync(form, PortalSession.MainForm, Pairing(title, DemoOrganisations.Honghuagang, "上海某某学校"));
        var backwards = await zunyi.SubmitAsync(form, PortalSession.MainForm,
            new Dictionary<string, string>(Pairing(title, DemoOrganisations.Honghuagang, DemoOrganisations.Spa)) { ["Input.EffectiveTo"] = "2024-01-01" });
        var withBureau = await zunyi.SubmitAsync(form, PortalSession.MainForm, Pairing(title, DemoOrganisations.Honghuagang, DemoOrganisations.ZunyiBureau));

        Assert.Equal("结对协议须由恰好两所学校签订。", onlyOne.Document.QuerySelector("[data-valmsg-for='Input.Parties']")?.TextContent.Trim());
        Assert.Contains("未找到唯一登记为“上海某某学校”的机构", unknown.FieldError("Input.Parties[1].Organisation"), StringComparison.Ordinal);
        Assert.Equal("协议终止日期早于生效日期。", backwards.FieldError("Input.EffectiveTo"));
        Assert.Equal("结对协议须由恰好两所学校签订。", withBureau.Document.QuerySelector("[data-valmsg-for='Input.Parties']")?.TextContent.Trim());
        Assert.Equal(title, backwards.Document.QuerySelector("#Input_Title")?.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task A_bureau_cannot_record_an_agreement_none_of_whose_parties_is_in_its_jurisdiction()
    {
        var school = await portal.CreateInstitutionAsync("310116", "上海另一所学校");
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        var title = $"越权协议 {Guid.NewGuid():N}"[..13];
        var form = await liuyang.GetAsync("/Agreements/Create");

        var refused = await liuyang.SubmitAsync(form, PortalSession.MainForm, Pairing(title, school.Name, DemoOrganisations.Spa));

        Assert.Equal("至少须有一个签约方在您的管辖范围内。", refused.Document.QuerySelector("[data-valmsg-for='Input.Parties']")?.TextContent.Trim());
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }
}

public class ConfirmationTests(PortalFixture portal)
{
    [Fact]
    public async Task Shanghai_confirms_the_Zunyi_pairing_then_a_change_of_modes_sends_it_back_to_Shanghai_with_the_change_shown()
    {
        var title = $"确认测试协议 {Guid.NewGuid():N}"[..15];
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var recorded = await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-01-01",
            ["Input.Parties[0].Organisation"] = DemoOrganisations.Honghuagang, ["Input.Parties[1].Organisation"] = DemoOrganisations.Spa,
            ["Input.Modes"] = nameof(CooperationMode.TeacherTraining),
        });
        Assert.Null(recorded.Document.QuerySelector("[data-testid=confirm-form]"));
        var id = (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Title == title))).Id;

        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var pending = await shanghai.GetAsync($"/Agreements/{id}");
        var active = await shanghai.SubmitAsync(pending, "[data-testid=confirm-form]");

        Assert.Equal("生效中", active.Document.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Null(active.Document.QuerySelector("[data-testid=confirm-form]"));
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.Include(a => a.Confirmations).SingleAsync(a => a.Id == id));
        Assert.Equal(2, stored.Confirmations.Count);
        Assert.All(stored.Confirmations, c => Assert.Equal(stored.TermsHash, c.TermsHash));

        var edit = await zunyi.GetAsync($"/Agreements/Edit/{id}");
        await zunyi.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Modes"] = nameof(CooperationMode.StudentExchange) });
        var again = await shanghai.GetAsync($"/Agreements/{id}");

        Assert.Equal("待对方确认", again.Document.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.NotNull(again.Document.QuerySelector("[data-testid=confirm-form]"));
        var changes = again.Document.QuerySelector("[data-testid=changes]")!.TextContent;
        Assert.Contains("原为：合作方式：师资培训", changes, StringComparison.Ordinal);
        Assert.Contains("现为：合作方式：学生交流", changes, StringComparison.Ordinal);
        Assert.Contains(title, (await shanghai.GetAsync("/")).Document.QuerySelector("#waiting-us")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_of_terms_that_changed_meanwhile_is_not_taken()
    {
        var title = $"过期确认测试 {Guid.NewGuid():N}"[..15];
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-01-01",
            ["Input.Parties[0].Organisation"] = DemoOrganisations.Honghuagang, ["Input.Parties[1].Organisation"] = DemoOrganisations.Spa,
        });
        var id = (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Title == title))).Id;
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var shown = await shanghai.GetAsync($"/Agreements/{id}");

        await zunyi.SubmitAsync(await zunyi.GetAsync($"/Agreements/Edit/{id}"), PortalSession.MainForm, new Dictionary<string, string> { ["Input.EffectiveFrom"] = "2025-02-01" });
        var refused = await shanghai.SubmitAsync(shown, "[data-testid=confirm-form]");

        Assert.Contains("您阅读期间条款已被修改", refused.Text, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).Status);
    }
}

public class DraftTests(PortalFixture portal)
{
    [Fact]
    public async Task A_draft_is_not_offered_for_confirmation_until_its_bureau_sends_it()
    {
        var title = $"草稿测试协议 {Guid.NewGuid():N}"[..15];
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var draft = await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-01-01",
            ["Input.Parties[0].Organisation"] = DemoOrganisations.Honghuagang, ["Input.Parties[1].Organisation"] = DemoOrganisations.Spa,
            ["AsDraft"] = "true",
        });
        Assert.Equal("草稿", draft.Document.QuerySelector("[data-testid=status]")?.TextContent);
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        Assert.Null((await shanghai.GetAsync(draft.Url.AbsolutePath)).Document.QuerySelector("[data-testid=confirm-form]"));

        var sent = await zunyi.SubmitAsync(draft, "[data-testid=send-form]");

        Assert.Equal("待对方确认", sent.Document.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.NotNull((await shanghai.GetAsync(draft.Url.AbsolutePath)).Document.QuerySelector("[data-testid=confirm-form]"));
    }
}
