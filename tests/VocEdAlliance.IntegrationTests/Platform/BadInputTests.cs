using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>No input breaks a page: bad values in forms and addresses get a message next to their field and change
/// nothing; never an HTTP 500.</summary>
public class BadInputTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/Agreements?q=%00", "q")]
    [InlineData("/Activities?q=%00", "q")]
    [InlineData("/Institutions?q=%00", "q")]
    [InlineData("/Alliances?q=%E2%80%AE", "q")]
    [InlineData("/Agreements?year=-1", "year")]
    [InlineData("/Activities?year=99999", "year")]
    [InlineData("/Summaries?from=-1", "from")]
    [InlineData("/Summaries?to=-1", "to")]
    [InlineData("/Summaries?alliance=%00", "alliance")]
    public async Task A_bad_filter_is_explained_next_to_it_and_the_list_still_shows(string address, string filter)
    {
        using var ministry = await portal.SignedInAsync("ministry@demo.local");

        var page = await ministry.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEqual(string.Empty, page.Document.QuerySelector($"#{filter}-error")?.TextContent.Trim() ?? string.Empty);
    }

    [Fact]
    public async Task Bad_numbers_dates_and_characters_in_an_activity_are_refused_each_with_its_reason()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await zunyi.GetAsync($"/Activities/Create?agreementId={agreement.Id}");
        var title = $"坏输入 {Guid.NewGuid():N}"[..12];

        var refused = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeacherTraining", ["Input.Title"] = title, ["Input.StartsOn"] = "9999-12-31",
            ["Input.Participants"] = "0x10", ["Input.Teachers"] = "1.5", ["Input.AmountCny"] = "1.123456789",
            ["Input.Location"] = "遵义\u202E市", ["Input.Students"] = "20000000",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("1900-01-01", refused.FieldError("Input.StartsOn"), StringComparison.Ordinal);
        Assert.Contains("0–9", refused.FieldError("Input.Participants"), StringComparison.Ordinal);
        Assert.Contains("整数", refused.FieldError("Input.Teachers"), StringComparison.Ordinal);
        Assert.Contains("两位小数", refused.FieldError("Input.AmountCny"), StringComparison.Ordinal);
        Assert.Contains("控制字符", refused.FieldError("Input.Location"), StringComparison.Ordinal);
        Assert.Contains("10,000,000", refused.FieldError("Input.Students"), StringComparison.Ordinal);
        Assert.Equal("0x10", refused.Document.QuerySelector("#Input_Participants")?.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Activities.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Numbers_typed_with_separators_and_full_width_digits_are_taken()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await zunyi.GetAsync($"/Activities/Create?agreementId={agreement.Id}");
        var title = $"分隔符 {Guid.NewGuid():N}"[..12];

        await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeacherTraining", ["Input.Title"] = title, ["Input.StartsOn"] = "2024-05-06",
            ["Input.AmountCny"] = "48，000.50", ["Input.Participants"] = "１２",
        });

        var stored = await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Title == title));
        Assert.Equal((48_000.50m, 12), (stored.AmountCny, stored.Participants));
    }

    [Fact]
    public async Task A_credit_code_already_registered_is_refused_next_to_the_field()
    {
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        Dictionary<string, string> School(string name) => new()
        {
            ["Input.Name"] = name, ["Input.Kind"] = nameof(InstitutionKind.SecondaryVocationalSchool),
            ["Input.Ownership"] = nameof(Ownership.Public), ["Input.Region"] = "浏阳市", ["Input.CreditCode"] = "9144030071526726XG",
        };
        var first = $"信用代码甲 {Guid.NewGuid():N}"[..14];
        var second = $"信用代码乙 {Guid.NewGuid():N}"[..14];

        await liuyang.SubmitAsync(await liuyang.GetAsync("/Institutions/Create"), PortalSession.MainForm, School(first));
        var refused = await liuyang.SubmitAsync(await liuyang.GetAsync("/Institutions/Create"), PortalSession.MainForm, School(second));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("已有机构登记了该统一社会信用代码。", refused.FieldError("Input.CreditCode"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Institutions.AnyAsync(i => i.Name == second)));
    }

    [Fact]
    public async Task A_create_form_posted_twice_makes_one_record_and_the_second_post_lands_on_it()
    {
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        var form = await liuyang.GetAsync("/Institutions/Create");
        var name = $"双击学校 {Guid.NewGuid():N}"[..13];
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = nameof(InstitutionKind.SecondaryVocationalSchool),
            ["Input.Ownership"] = nameof(Ownership.Public), ["Input.Region"] = "浏阳市",
        };

        var posts = await Task.WhenAll(liuyang.SubmitAsync(form, PortalSession.MainForm, fields), liuyang.SubmitAsync(form, PortalSession.MainForm, fields));
        var third = await liuyang.SubmitAsync(form, PortalSession.MainForm, fields);

        var created = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Name == name).Select(i => i.Id).ToListAsync());
        Assert.Single(created);
        Assert.All(posts.Append(third), page => Assert.Equal($"/Institutions/{created[0]}", page.Url.AbsolutePath));
    }

    [Fact]
    public async Task An_alliance_the_user_cannot_see_is_not_found_as_an_agreements_alliance_or_a_parent()
    {
        var hunanSchool = await portal.CreateInstitutionAsync("430181", "湖南联盟校");
        var hidden = await portal.WithDatabaseAsync(async db =>
        {
            var alliance = new Alliance($"湖南隐藏联盟 {Guid.NewGuid():N}"[..15], null, AllianceKind.VocationalEducationUnion, [], null, null, null,
                new MemberTerms(hunanSchool.Id, hunanSchool.Name, hunanSchool.Type, hunanSchool.RegionCode, MemberRole.Lead, null));
            db.Alliances.Add(alliance);
            await db.SaveChangesAsync();
            return alliance;
        });
        var first = await portal.CreateInstitutionAsync("520302", "遵义甲校");
        var second = await portal.CreateInstitutionAsync("520302", "遵义乙校");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var title = $"隐藏联盟协议 {Guid.NewGuid():N}"[..15];

        foreach (var id in new[] { hidden.Id, Guid.NewGuid() })
        {
            var agreement = await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
            {
                ["Input.Kind"] = "Pairing", ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2024-01-01", ["Input.AllianceId"] = id.ToString(),
                ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
            });
            var parent = await zunyi.SubmitAsync(await zunyi.GetAsync("/Alliances/Create"), PortalSession.MainForm, new Dictionary<string, string>
            {
                ["Input.Name"] = title, ["Input.Kind"] = nameof(AllianceKind.VocationalEducationUnion), ["Input.Lead"] = first.Name,
                ["Input.ParentAllianceId"] = id.ToString(),
            });

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (agreement.Status, parent.Status));
            Assert.Equal("未找到该联盟（或您无权查看）。", agreement.FieldError("Input.AllianceId"));
            Assert.Equal("未找到该联盟（或您无权查看）。", parent.FieldError("Input.ParentAllianceId"));
        }
        Assert.False(await portal.WithDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
        Assert.False(await portal.WithDatabaseAsync(db => db.Alliances.AnyAsync(a => a.Name == title)));
    }

    [Fact]
    public async Task Adding_a_party_row_to_an_agreement_the_user_may_not_edit_is_forbidden()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        var token = (await ministry.GetAsync("/Account/ChangePassword")).Document
            .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await ministry.Http.PostAsync($"/Agreements/Edit/{agreement.Id}?handler=Rows&row=party",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.GetAsync(response.Headers.Location!.OriginalString)).Status);
    }

    [Fact]
    public async Task A_NUL_typed_into_a_form_field_is_explained_next_to_it()
    {
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        var name = $"零字符 {Guid.NewGuid():N}"[..12];

        var refused = await liuyang.SubmitAsync(await liuyang.GetAsync("/Institutions/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Address"] = "浏阳\0市", ["Input.Kind"] = nameof(InstitutionKind.SecondaryVocationalSchool),
            ["Input.Ownership"] = nameof(Ownership.Public), ["Input.Region"] = "浏阳市",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("控制字符", refused.FieldError("Input.Address"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Institutions.AnyAsync(i => i.Name == name)));
    }

    [Fact]
    public async Task A_plan_counts_people_in_whole_numbers_and_an_unknown_cooperation_mode_is_named()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        var plan = await zunyi.SubmitAsync(await zunyi.GetAsync($"/Plans/Edit?agreementId={agreement.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2025", ["Input.TeachersTrained"] = "1.5", ["Input.FundsCny"] = "1.5" });
        var terms = await zunyi.SubmitAsync(await zunyi.GetAsync($"/Agreements/Edit/{agreement.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Modes"] = "NotAMode" });

        Assert.Contains("整数", plan.FieldError("Input.TeachersTrained"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, plan.FieldError("Input.FundsCny"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Plans.AnyAsync(p => p.AgreementId == agreement.Id)));
        Assert.Contains("NotAMode", terms.FieldError("Input.Modes"), StringComparison.Ordinal);
    }
}
