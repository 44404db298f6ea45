using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Institutions;

public class InstitutionPagesTests(PortalFixture portal)
{
    private static Dictionary<string, string> Form(string name, string region, string? creditCode = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.Kind"] = nameof(InstitutionKind.SecondaryVocationalSchool),
        ["Input.Ownership"] = nameof(Ownership.Public),
        ["Input.Region"] = region,
        ["Input.CreditCode"] = creditCode ?? "",
        ["Input.Enrolment"] = "1200",
    };


    [Fact]
    public async Task Liuyang_staff_create_a_school_in_Liuyang_by_typing_the_county_name()
    {
        using var session = await portal.SignedInAsync("liuyang.staff@demo.local");
        var name = $"浏阳市测试职业学校{Guid.NewGuid():N}"[..14];

        var form = await session.GetAsync("/Institutions/Create");
        var details = await session.SubmitAsync(form, PortalSession.MainForm, Form(name, "浏阳市", "91330100716105852F"));

        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.StartsWith("/Institutions/", details.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains($"已创建“{name}”", details.Text, StringComparison.Ordinal);
        Assert.Contains("湖南省 长沙市 浏阳市", details.Text, StringComparison.Ordinal);
        var saved = await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Name == name));
        Assert.Equal(("430181", 1200, "91330100716105852F"), (saved.RegionCode, saved.Enrolment, saved.CreditCode));
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_each_field_and_nothing_is_saved()
    {
        using var session = await portal.SignedInAsync("liuyang.staff@demo.local");
        var name = $"不应保存的学校{Guid.NewGuid():N}"[..12];
        var form = await session.GetAsync("/Institutions/Create");

        var badCode = await session.SubmitAsync(form, PortalSession.MainForm, Form(name, "430181", "914403001922038217"));
        var outside = await session.SubmitAsync(form, PortalSession.MainForm, Form(name, "红花岗区"));
        var unknown = await session.SubmitAsync(form, PortalSession.MainForm, Form(name, "不存在的县"));
        var empty = await session.SubmitAsync(form, PortalSession.MainForm, Form("", ""));

        Assert.Contains("校验码不符", badCode.FieldError("Input.CreditCode"), StringComparison.Ordinal);
        Assert.Equal("该地区不在您的管辖范围内。", outside.FieldError("Input.Region"));
        Assert.Equal("未找到名为“不存在的县”的地区。", unknown.FieldError("Input.Region"));
        Assert.Equal("请填写名称。", empty.FieldError("Input.Name"));
        Assert.Equal(name, badCode.Document.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Institutions.AnyAsync(i => i.Name == name)));
    }

    [Fact]
    public async Task The_list_filters_by_region_and_text_and_pages_on_the_server()
    {
        for (var i = 0; i < 27; i++)
        {
            await portal.CreateInstitutionAsync("520324", "正安列表学校");
        }
        using var session = await portal.SignedInAsync("zunyi.staff@demo.local");

        var first = await session.GetAsync("/Institutions?region=520324&q=正安列表学校");
        var second = await session.GetAsync("/Institutions?region=520324&q=正安列表学校&p=2");
        var byName = await session.GetAsync("/Institutions?region=正安县&q=正安列表学校");

        Assert.Equal(25, first.Document.QuerySelectorAll("[data-testid=results] tbody tr").Length);
        Assert.Contains("共 27 条", first.Document.QuerySelector("[data-testid=total]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, second.Document.QuerySelectorAll("[data-testid=results] tbody tr").Length);
        Assert.Contains("共 27 条", byName.Document.QuerySelector("[data-testid=total]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_region_picker_suggests_only_places_in_the_users_jurisdiction()
    {
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");

        var inside = await liuyang.Http.GetStringAsync("/Regions/Search?q=浏阳&locations=true", TestContext.Current.CancellationToken);
        var outside = await liuyang.Http.GetStringAsync("/Regions/Search?q=红花岗&locations=true", TestContext.Current.CancellationToken);
        var province = await hunan.Http.GetStringAsync("/Regions/Search?q=桂阳&locations=true", TestContext.Current.CancellationToken);

        Assert.Contains("430181 湖南省 长沙市 浏阳市", inside, StringComparison.Ordinal);
        Assert.Equal("[]", outside);
        Assert.Contains("431021", province, StringComparison.Ordinal); // Guiyang County, Chenzhou
    }

    [Fact]
    public async Task A_principal_edits_the_own_school_and_gets_404_for_another()
    {
        using var session = await portal.SignedInAsync("honghuagang.principal@demo.local");
        var own = await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Honghuagang));
        var other = await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Name == DemoOrganisations.Spa));

        var details = await session.GetAsync($"/Institutions/{own.Id}");
        Assert.NotNull(details.Document.QuerySelector($"a[href='/Institutions/Edit/{own.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Institutions/{other.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Institutions/Edit/{other.Id}")).Status);
    }

    [Fact]
    public async Task Ministry_officials_see_every_school_but_may_not_edit()
    {
        var school = await portal.CreateInstitutionAsync("520302");
        using var session = await portal.SignedInAsync("ministry@demo.local");

        var details = await session.GetAsync($"/Institutions/{school.Id}");
        var edit = await session.GetAsync($"/Institutions/Edit/{school.Id}");

        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Null(details.Document.QuerySelector($"a[href='/Institutions/Edit/{school.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.Status);
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_shows_the_stored_values_and_keeps_what_the_user_typed()
    {
        var school = await portal.CreateInstitutionAsync("520302", "并发测试学校");
        using var first = await portal.SignedInAsync("zunyi.staff@demo.local");
        using var second = await portal.SignedInAsync("zunyi.admin@demo.local");
        var firstForm = await first.GetAsync($"/Institutions/Edit/{school.Id}");
        var secondForm = await second.GetAsync($"/Institutions/Edit/{school.Id}");

        await first.SubmitAsync(firstForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Head"] = "张校长" });
        var conflict = await second.SubmitAsync(secondForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Head"] = "李校长" });

        Assert.NotNull(conflict.Document.QuerySelector("[data-testid=concurrency-conflict]"));
        Assert.Contains("张校长", conflict.Document.QuerySelector("[data-testid=concurrency-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("李校长", conflict.Document.QuerySelector("#Input_Head")?.GetAttribute("value"));
        Assert.Equal("张校长", (await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Id == school.Id))).Head);

        var overwrite = await second.SubmitAsync(conflict, PortalSession.MainForm);
        Assert.Equal($"/Institutions/{school.Id}", overwrite.Url.AbsolutePath);
        Assert.Equal("李校长", (await portal.WithDatabaseAsync(db => db.Institutions.SingleAsync(i => i.Id == school.Id))).Head);
    }
}
