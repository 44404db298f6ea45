using System.Globalization;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.IntegrationTests.Programmes;

/// <summary>Programmes and key industries: Chenzhou's published figures counted from its records on the summaries and
/// the bureau home; programmes seen and kept as their school is; bad values explained next to their field. Records made
/// here are in Sichuan (51), where no other test counts anything.</summary>
public class ProgrammeTests(PortalFixture portal)
{
    /// <summary>The programmes table of a summaries page: each row's cells after the year, by level (中职, 高职专科, 职业本科, 合计).</summary>
    private static Dictionary<(string Year, string Level), string[]> ProgrammeRows(PortalPage page) =>
        page.Document.QuerySelectorAll("[data-testid=summary-programmes] tbody tr")
            .ToDictionary(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td")[0].TextContent.Trim()),
                r => r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToArray());

    [Theory]
    [InlineData("hunan.staff@demo.local")]
    [InlineData("ministry@demo.local")]
    public async Task Chenzhous_published_figures_are_counted_from_its_programmes_on_the_summaries(string reader)
    {
        using var session = await portal.SignedInAsync(reader);

        var rows = ProgrammeRows(await session.GetAsync("/Summaries?from=2023&to=2024&province=43"));

        // taught, aligned, share, opened, closed, downsized, graduates, employed, rate, employed locally, local rate
        Assert.Equal(["55", "46", "83.6%"], rows[("2024", "中职")][..3]);
        Assert.Equal(["20", "15", "75.0%"], rows[("2024", "高职专科")][..3]);
        Assert.Equal(["8", "8"], rows[("2024", "合计")][3..5]);
        int Both(int column) => rows[("2023", "合计")][column] is var first && rows[("2024", "合计")][column] is var second
            ? int.Parse(first, CultureInfo.InvariantCulture) + int.Parse(second, CultureInfo.InvariantCulture) : 0;
        Assert.Equal((22, 19, 7), (Both(3), Both(4), Both(5))); // opened, closed and downsized over the two years
        // 5,000+ graduates a year (the Guiyang base's 200 and placeholders); the employment rate divides by the graduates
        // of the programmes that report their employed: the base's 197 of 200, 68 % of them locally.
        Assert.Equal([DemoData.ChenzhouGraduates.ToString("N0", CultureInfo.InvariantCulture), "197", "98.5%", "134", "68.0%"], rows[("2024", "合计")][6..11]);

        // Chenzhou's 186 school–enterprise partnerships in force in 2024, counted from its agreements (New Energy School ×
        // Greep, the comprehensive school × JD.com, Guiyang's training base, and 183 placeholders); a level's row leaves
        // the column empty.
        var chenzhou = ProgrammeRows(await session.GetAsync("/Summaries?from=2024&to=2024&province=43&region=4310"));
        Assert.Equal("186", chenzhou[("2024", "合计")][11]);
        Assert.Equal("", chenzhou[("2024", "中职")][11]);
    }

    [Fact]
    public async Task The_hunan_bureau_home_shows_its_programmes_and_a_bureau_elsewhere_sees_none_of_chenzhous()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var home = await hunan.GetAsync("/");
        var panel = home.Document.QuerySelector("[data-testid=home-programmes]");
        Assert.NotNull(panel);
        Assert.Contains("83.6%", panel.TextContent, StringComparison.Ordinal);

        var chenzhouProgramme = await portal.WithDatabaseAsync(db => db.Programmes.Where(p => p.RegionCode.StartsWith("4310")).Select(p => p.Id).FirstAsync());
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Programmes/Edit/{chenzhouProgramme}")).Status);
        Assert.DoesNotContain("演示专业", (await zunyi.GetAsync("/Programmes?q=演示专业")).Text, StringComparison.Ordinal);
        Assert.Empty(ProgrammeRows(await zunyi.GetAsync("/Summaries?from=2024&to=2024")));
    }

    [Fact]
    public async Task A_principal_records_the_own_schools_programme_linked_to_a_key_industry_and_a_bad_code_is_explained_first()
    {
        var school = await portal.CreateInstitutionAsync("510104", "成都专业校");
        var other = await portal.CreateInstitutionAsync("510105", "成都他校");
        var industry = await portal.WithDatabaseAsync(async db =>
        {
            var named = new KeyIndustry("510100", "成都电子信息（测试）", 2021, null);
            db.KeyIndustries.Add(named);
            await db.SaveChangesAsync();
            return named;
        });
        using var principal = await portal.SignedInPrincipalAsync(school);

        var form = await principal.GetAsync($"/Programmes/Edit?school={school.Id}");
        Assert.NotNull(form.Document.QuerySelector($"option[value='{industry.Id}']"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "电子信息技术", ["Input.Level"] = nameof(ProgrammeLevel.SecondaryVocational), ["Input.CatalogueCode"] = "510101",
            ["Input.OpenedIn"] = "2022", ["Input.KeyIndustryId"] = industry.Id.ToString(),
        };
        var refused = await principal.SubmitAsync(form, PortalSession.MainForm, fields);
        Assert.Contains("须为6位数字", refused.FieldError("Input.CatalogueCode"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Programmes.AnyAsync(p => p.InstitutionId == school.Id)));

        fields["Input.CatalogueCode"] = "710101";
        var saved = await principal.SubmitAsync(refused, PortalSession.MainForm, fields);
        Assert.Contains("电子信息技术", saved.Text, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.InstitutionId == school.Id));
        Assert.Equal((51, industry.Id, (int?)2022), (stored.MajorCategory, stored.KeyIndustryId, stored.OpenedIn));

        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Programmes/Edit?school={other.Id}")).Status);
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.GetAsync($"/Programmes/Edit?school={school.Id}")).Status);
    }

    [Fact]
    public async Task A_years_figures_that_employ_more_than_graduated_are_refused_and_the_programme_is_unchanged()
    {
        var school = await portal.CreateInstitutionAsync("510104", "成都就业校");
        var programme = await portal.WithDatabaseAsync(async db =>
        {
            var created = Programme.Create(await db.Institutions.SingleAsync(i => i.Id == school.Id),
                new ProgrammeDetails("汽车运用与维修", ProgrammeLevel.SecondaryVocational, "700206", 2018, null, null, null, null, null, []));
            db.Programmes.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        using var staff = await portal.SignedInBureauStaffAsync("510100");

        var page = await staff.SubmitAsync(await staff.GetAsync($"/Programmes/Edit/{programme.Id}"), PortalSession.MainForm, null, ("row", "year"));
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=year-row]"));
        var rows = await staff.SubmitAsync(page, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Years[0].Year"] = "2024", ["Input.Years[0].Graduates"] = "40", ["Input.Years[0].Employed"] = "41",
        });
        Assert.Contains("就业人数须同时填写毕业生人数", rows.Text, StringComparison.Ordinal);
        Assert.Empty((await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.Id == programme.Id))).Years);

        var saved = await staff.SubmitAsync(rows, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Years[0].Year"] = "2024", ["Input.Years[0].Graduates"] = "40", ["Input.Years[0].Employed"] = "38", ["Input.Years[0].EmployedLocally"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal([new ProgrammeYear(2024, null, 40, 38, 30)], (await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.Id == programme.Id))).Years);
    }

    [Fact]
    public async Task A_bureau_names_key_industries_of_its_own_regions_only()
    {
        using var staff = await portal.SignedInBureauStaffAsync("510100");
        var name = $"成都测试产业{Guid.NewGuid():N}"[..14];

        var page = await staff.GetAsync("/KeyIndustries?region=510100");
        var refused = await staff.SubmitAsync(page, "[data-testid=key-industry-form]", new Dictionary<string, string>
        {
            ["Input.Region"] = "500000", ["Input.Name"] = name, ["Input.FromYear"] = "2021",
        });
        Assert.Contains("不在您的管辖范围内", refused.FieldError("Input.Region"), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.KeyIndustries.AnyAsync(k => k.Name == name)));

        var saved = await staff.SubmitAsync(page, "[data-testid=key-industry-form]", new Dictionary<string, string>
        {
            ["Input.Region"] = "510104", ["Input.Name"] = name, ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2025",
        });
        Assert.Contains(name, saved.Text, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.KeyIndustries.SingleAsync(k => k.Name == name));
        Assert.Equal(("510104", 2021, (int?)2025), (stored.RegionCode, stored.FromYear, stored.ToYear));
    }

    private async Task<PortalSession> SichuanStaffAsync()
    {
        return await portal.SignedInBureauStaffAsync("510100");
    }

    [Fact]
    public async Task Adding_a_year_row_to_a_new_programme_saves_nothing_and_a_second_programme_of_the_same_code_is_refused()
    {
        var school = await portal.CreateInstitutionAsync("510104", "成都加行校");
        using var staff = await SichuanStaffAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "数控技术应用", ["Input.Level"] = nameof(ProgrammeLevel.SecondaryVocational), ["Input.CatalogueCode"] = "660301",
        };

        var createForm = await staff.GetAsync($"/Programmes/Edit?school={school.Id}");
        var withRow = await staff.SubmitAsync(createForm, PortalSession.MainForm, fields, ("row", "year"));
        Assert.Single(withRow.Document.QuerySelectorAll("[data-testid=year-row]"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Programmes.AnyAsync(p => p.InstitutionId == school.Id)));

        await staff.SubmitAsync(withRow, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Years[0].Year"] = "2024", ["Input.Years[0].Graduates"] = "30", ["Input.Years[0].Employed"] = "29",
        });
        var stored = await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.InstitutionId == school.Id));
        Assert.Equal([new ProgrammeYear(2024, null, 30, 29, null)], stored.Years);

        var twice = await staff.SubmitAsync(await staff.GetAsync($"/Programmes/Edit?school={school.Id}"), PortalSession.MainForm, fields);
        Assert.Contains("该校已有此专业代码的专业", twice.FieldError("Input.CatalogueCode"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.Programmes.CountAsync(p => p.InstitutionId == school.Id)));
    }

    [Fact]
    public async Task The_summaries_table_counts_a_programme_recorded_a_moment_ago_as_its_export_does()
    {
        var school = await portal.CreateInstitutionAsync("510105", "成都即时校");
        using var staff = await SichuanStaffAsync();
        const string Url = "/Summaries?from=2025&to=2025&province=51";
        int Taught(PortalPage page) => int.Parse(ProgrammeRows(page).GetValueOrDefault(("2025", "合计"))?[0] ?? "0", CultureInfo.InvariantCulture);
        var before = Taught(await staff.GetAsync(Url));

        await portal.WithDatabaseAsync(async db =>
        {
            db.Programmes.Add(Programme.Create(await db.Institutions.SingleAsync(i => i.Id == school.Id),
                new ProgrammeDetails("电子商务", ProgrammeLevel.SecondaryVocational, "730701", 2025, null, null, null, null, null, [])));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before + 1, Taught(await staff.GetAsync(Url)));
    }

    [Fact]
    public async Task An_enterprise_has_no_programme_form_a_bad_school_id_finds_nothing_and_every_import_step_is_worded()
    {
        var enterprise = await portal.CreateInstitutionAsync("510104", "成都企业无专业", InstitutionKind.Enterprise);
        using var staff = await SichuanStaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Programmes/Edit?school={enterprise.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Programmes?school=not-a-guid")).Status);
        Assert.Contains("不是层次的有效值", (await staff.GetAsync("/Programmes?level=xyz")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Import.", (await staff.GetAsync("/Import?kind=Programmes")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrent_change_of_a_programme_shows_what_was_saved_instead_of_overwriting_it()
    {
        var school = await portal.CreateInstitutionAsync("510104", "成都并发校");
        var programme = await portal.WithDatabaseAsync(async db =>
        {
            var created = Programme.Create(await db.Institutions.SingleAsync(i => i.Id == school.Id),
                new ProgrammeDetails("旅游服务与管理", ProgrammeLevel.SecondaryVocational, "740101", 2019, null, null, null, null, null, []));
            db.Programmes.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        using var first = await SichuanStaffAsync();
        using var second = await SichuanStaffAsync();
        var firstForm = await first.GetAsync($"/Programmes/Edit/{programme.Id}");
        var secondForm = await second.GetAsync($"/Programmes/Edit/{programme.Id}");

        await first.SubmitAsync(firstForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Name"] = "旅游服务与管理（第一人）" });
        var conflict = await second.SubmitAsync(secondForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Name"] = "旅游服务与管理（第二人）" });

        Assert.Contains("旅游服务与管理（第一人）", conflict.Document.QuerySelector("[data-testid=concurrency-conflict]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("旅游服务与管理（第一人）", await portal.WithDatabaseAsync(db => db.Programmes.Where(p => p.Id == programme.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_key_industry_is_named_once_its_short_region_code_is_understood_and_others_may_read_but_not_change_it()
    {
        using var staff = await SichuanStaffAsync();
        var name = $"成都重复产业{Guid.NewGuid():N}"[..14];
        var page = await staff.GetAsync("/KeyIndustries?region=5101");
        var fields = new Dictionary<string, string> { ["Input.Region"] = "5101", ["Input.Name"] = name, ["Input.FromYear"] = "2021" };

        await staff.SubmitAsync(page, "[data-testid=key-industry-form]", fields);
        await staff.SubmitAsync(page, "[data-testid=key-industry-form]", fields); // the same form pressed twice
        var again = await staff.SubmitAsync(await staff.GetAsync("/KeyIndustries?region=5101"), "[data-testid=key-industry-form]", fields);

        Assert.Contains("该地区已有同名重点产业", again.FieldError("Input.Name"), StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.KeyIndustries.Where(k => k.Name == name).ToListAsync());
        Assert.Equal("510100", Assert.Single(stored).RegionCode);
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await zunyi.GetAsync($"/KeyIndustries?id={stored[0].Id}")).Status);
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        var token = (await ministry.GetAsync("/Account/ChangePassword")).Document
            .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var crafted = await ministry.Http.PostAsync("/KeyIndustries", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = name + "部",
        }), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, crafted.StatusCode);
        Assert.False(await portal.WithDatabaseAsync(db => db.KeyIndustries.AnyAsync(k => k.Name == name + "部")));
    }

    [Fact]
    public async Task A_change_of_a_key_industry_is_kept_in_its_history_for_the_bureaus_of_its_region()
    {
        using var staff = await SichuanStaffAsync();
        var name = $"成都历史产业{Guid.NewGuid():N}"[..14];
        await staff.SubmitAsync(await staff.GetAsync("/KeyIndustries?region=510100"), "[data-testid=key-industry-form]",
            new Dictionary<string, string> { ["Input.Region"] = "510100", ["Input.Name"] = name, ["Input.FromYear"] = "2021" });
        var id = await portal.WithDatabaseAsync(db => db.KeyIndustries.Where(k => k.Name == name).Select(k => k.Id).SingleAsync());

        await staff.SubmitAsync(await staff.GetAsync($"/KeyIndustries?id={id}&region=510100"), "[data-testid=key-industry-form]",
            new Dictionary<string, string> { ["Input.ToYear"] = "2025" });

        var history = await staff.GetAsync($"/History/keyindustry/{id}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("2025", history.Text, StringComparison.Ordinal);
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.History.CountAsync(h => h.RecordType == "KeyIndustry" && h.RecordId == id)));
    }

    [Fact]
    public async Task A_programmes_major_category_is_named_in_the_users_language()
    {
        var school = await portal.CreateInstitutionAsync("510104", "成都大类校");
        await portal.WithDatabaseAsync(async db =>
        {
            db.Programmes.Add(Programme.Create(await db.Institutions.SingleAsync(i => i.Id == school.Id),
                new ProgrammeDetails("数控技术应用", ProgrammeLevel.SecondaryVocational, "660301", 2020, null, null, null, null, null, [])));
            return await db.SaveChangesAsync();
        });
        using var staff = await SichuanStaffAsync();

        Assert.Contains("装备制造大类", (await staff.GetAsync($"/Programmes?school={school.Id}")).Text, StringComparison.Ordinal);
        await staff.SubmitAsync(await staff.GetAsync("/"), "form[action='/Language']", submitter: ("culture", "en"));
        var english = (await staff.GetAsync($"/Programmes?school={school.Id}")).Text;
        Assert.Contains("Equipment manufacturing", english, StringComparison.Ordinal);
        Assert.DoesNotContain("装备制造大类", english, StringComparison.Ordinal);
    }
}

/// <summary>Programmes from a spreadsheet: the export imports back unchanged; a new row is recorded as the form records
/// it, a changed one changes the programme and keeps its yearly figures; a school the user does not keep is refused.</summary>
public class ProgrammeImportTests(PortalFixture portal)
{
    [Fact]
    public async Task The_hunan_export_imports_back_unchanged_and_a_file_records_and_changes_programmes_of_the_users_schools_only()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        await Import.ImportSteps.ImportsBackUnchangedAsync(hunan, "/Programmes?handler=Export&q=" + Uri.EscapeDataString("演示专业1"), "Programmes", "专业");

        var school = await portal.CreateInstitutionAsync("510104", "成都导入校");
        var elsewhere = await portal.CreateInstitutionAsync("500101", "重庆导入校");
        using var staff = await portal.SignedInBureauStaffAsync("510100");
        const string Headers = "学校,专业名称,层次,专业代码,开设年份,停办年份,停办原因,缩减年份,缩减原因,重点产业";
        byte[] Csv(params string[] rows) => System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", [Headers, .. rows]) + "\r\n");

        var refused = await Import.ImportSteps.UploadAsync(staff, Csv($"{elsewhere.Name},汽车运用与维修,中职,700206,2018,,,,,"), "专业.csv", "Programmes");
        Assert.Equal("新增 0 · 更新 0 · 未变 0 · 拒绝 1", Import.ImportSteps.Summary(refused));

        var recorded = await Import.ImportSteps.CommitAsync(staff,
            await Import.ImportSteps.UploadAsync(staff, Csv($"{school.Name},汽车运用与维修,中职,700206,2018,,,,,"), "专业.csv", "Programmes"));
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        var programme = await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.InstitutionId == school.Id));
        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
            stored.Change(new ProgrammeDetails(stored.Name, stored.Level, stored.CatalogueCode, stored.OpenedIn, null, null, null, null, null,
                [new ProgrammeYear(2024, 50, 40, 38, 30)]));
            return await db.SaveChangesAsync();
        });

        var changed = await Import.ImportSteps.CommitAsync(staff,
            await Import.ImportSteps.UploadAsync(staff, Csv($"{school.Name},汽车运用与维修,中职,700206,2018,2025,与产业需求不匹配,,,"), "专业.csv", "Programmes"));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var after = await portal.WithDatabaseAsync(db => db.Programmes.SingleAsync(p => p.Id == programme.Id));
        Assert.Equal(((int?)2025, "与产业需求不匹配"), (after.ClosedIn, after.ClosedReason));
        Assert.Equal([new ProgrammeYear(2024, 50, 40, 38, 30)], after.Years);
    }
}
