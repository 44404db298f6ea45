using VocEdAlliance.Web.Domain.Alliances;

namespace VocEdAlliance.IntegrationTests.Alliances;

public class AllianceTests(PortalFixture portal)
{
    /// <summary>A founding known only by its year and a joining known by its month are kept so, not as invented days:
    /// on the page, in the export, and the union of the demo data shows its 2016 founding the same way.</summary>
    [Fact]
    public async Task A_founding_year_and_a_joining_month_are_kept_as_precise_as_given()
    {
        var name = $"只知年份联盟{Guid.NewGuid():N}"[..14];
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var form = await hunan.GetAsync("/Alliances/Create");
        var details = await hunan.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = nameof(AllianceKind.VocationalEducationUnion),
            ["Input.FocusAreas"] = nameof(FocusArea.TeacherTraining), ["Input.FoundedOn"] = "2016", ["Input.Lead"] = DemoOrganisations.LiuyangBureau,
        });
        var added = await hunan.SubmitAsync(details, "form[action$='handler=AddMember']", new Dictionary<string, string>
        {
            ["Input.Organisation"] = DemoOrganisations.Spa, ["Input.Role"] = nameof(MemberRole.Member), ["Input.JoinedOn"] = "2017年3月",
        });
        Assert.Contains("2016年", added.Text, StringComparison.Ordinal);
        Assert.Contains("2017年3月", added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2016-01-01", added.Text, StringComparison.Ordinal);
        var csv = await hunan.Http.GetStringAsync($"/Alliances?handler=ExportMembers&format=csv&q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken);
        Assert.Contains("\"2017-03\"", csv, StringComparison.Ordinal);

        var union = await portal.WithDatabaseAsync(db => db.Alliances.Where(a => a.Name == VocEdAlliance.Web.Data.Seed.DemoData.UnionName).Select(a => a.Id).SingleAsync());
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var unionPage = await shanghai.GetAsync($"/Alliances/{union}");
        Assert.Contains("2016年", unionPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2016-01-01", unionPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hunan_founds_an_alliance_led_by_Liuyang_adds_a_Shanghai_member_and_visibility_follows_the_members()
    {
        var name = $"湘赣边测试联盟{Guid.NewGuid():N}"[..15];
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");

        var form = await hunan.GetAsync("/Alliances/Create");
        var details = await hunan.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationUnion),
            ["Input.FocusAreas"] = nameof(FocusArea.TeacherTraining),
            ["Input.FoundedOn"] = "2021-04-16",
            ["Input.Lead"] = DemoOrganisations.LiuyangBureau,
        });
        Assert.Contains(name, details.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.SingleAsync(a => a.Name == name));

        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.DoesNotContain(name, (await zunyi.GetAsync("/Alliances")).Text, StringComparison.Ordinal);

        var added = await hunan.SubmitAsync(details, "form[action$='handler=AddMember']", new Dictionary<string, string>
        {
            ["Input.Organisation"] = DemoOrganisations.Spa,
            ["Input.Role"] = nameof(MemberRole.Member),
            ["Input.JoinedOn"] = "2022-05-31",
        });
        Assert.Equal("2", added.Document.QuerySelector("[data-testid=member-count]")?.TextContent);

        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        using var spa = await portal.SignedInAsync("spa.principal@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await liuyang.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await spa.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.Null((await spa.GetAsync($"/Alliances/{alliance.Id}")).Document.QuerySelector($"a[href='/Alliances/Edit/{alliance.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Alliances/{alliance.Id}")).Status);
    }

    [Fact]
    public async Task An_alliance_needs_a_lead_the_founder_can_name_and_a_name()
    {
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        var form = await liuyang.GetAsync("/Alliances/Create");

        var page = await liuyang.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationGroup),
            ["Input.Lead"] = DemoOrganisations.Honghuagang,
        });

        Assert.Equal("请填写名称。", page.FieldError("Input.Name"));
        Assert.Equal("牵头单位须在您的管辖范围内。", (await liuyang.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "越权联盟",
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationGroup),
            ["Input.Lead"] = DemoOrganisations.Honghuagang,
        })).FieldError("Input.Lead"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Alliances.AnyAsync(a => a.Name == "越权联盟")));
    }
}

public class AllianceEditingTests(PortalFixture portal)
{
    [Fact]
    public async Task Bureau_staff_edit_an_alliance_and_record_a_member_leaving()
    {
        var name = $"编辑测试联盟{Guid.NewGuid():N}"[..14];
        using var hunan = portal.NewSession();
        await hunan.SignInAsync("hunan.staff@demo.local", DemoAccounts.Password);
        var created = await hunan.SubmitAsync(await hunan.GetAsync("/Alliances/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = nameof(AllianceKind.CollaborationProgramme), ["Input.Lead"] = DemoOrganisations.HunanDepartment,
        });
        var withMember = await hunan.SubmitAsync(created, "form[action$='handler=AddMember']", new Dictionary<string, string>
        {
            ["Input.Organisation"] = DemoOrganisations.LiuyangBureau, ["Input.Role"] = nameof(MemberRole.Member), ["Input.JoinedOn"] = "2022-05-31",
        });
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.Include(a => a.Members).SingleAsync(a => a.Name == name));

        var liuyangMember = alliance.Members.Single(m => m.OrganisationName == DemoOrganisations.LiuyangBureau).Id;
        var edit = await hunan.GetAsync($"/Alliances/Edit/{alliance.Id}");
        var edited = await hunan.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Description"] = "湘赣边区域协作" });
        var left = await hunan.SubmitAsync(withMember, $"#leave-{liuyangMember}", new Dictionary<string, string> { ["leftOn"] = "2021-01-01" });
        var leftProperly = await hunan.SubmitAsync(withMember, $"#leave-{liuyangMember}", new Dictionary<string, string> { ["leftOn"] = "2024-12-31" });

        Assert.Contains("湘赣边区域协作", edited.Text, StringComparison.Ordinal);
        Assert.Contains("退出日期早于加入日期", left.Text, StringComparison.Ordinal);
        Assert.Equal("1", leftProperly.Document.QuerySelector("[data-testid=member-count]")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Alliances.Include(a => a.Members).SingleAsync(a => a.Id == alliance.Id));
        Assert.Equal(new DateOnly(2024, 12, 31), stored.Members.Single(m => m.OrganisationName == DemoOrganisations.LiuyangBureau).LeftOn);
    }
}
