using System.Globalization;
using System.Text;
using MiniExcelLibs;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>The summaries against totals worked out by hand from <see cref="KnownDataset"/>, on the page and in both
/// exports, for the ministry and for a bureau that must not see other jurisdictions' numbers.</summary>
public sealed class SummaryCorrectnessTests(KnownDataset data) : IClassFixture<KnownDataset>
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static string N(long value) => value.ToString("N0", Chinese);
    private static string Money(decimal value) => value.ToString("N2", Chinese);

    /// <summary>The rows of a summary table as the page shows them.</summary>
    private static List<string[]> Rows(PortalPage page, string table) =>
        [.. page.Document.QuerySelectorAll($"[data-testid=summary-{table}] tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task The_ministry_sees_the_East_to_West_flow_and_province_pairs_computed_from_current_records_only()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var page = await ministry.GetAsync("/Summaries");

        // A1 + A2 (Shanghai–Guizhou); A4 is archived and counts nowhere.
        Assert.Equal(
            [
                ["东部 → 西部", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)],
                ["东部 → 西部 支援（记有出资方、受援方和金额的活动）", N(0), N(0), N(1), N(0), N(0), N(0), Money(50_000m)],
            ],
            Rows(page, "east-west"));
        Assert.Equal(
            [
                ["上海市", "贵州省", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)],
                ["北京市", "上海市", N(1), N(1), N(1), N(0), N(0), N(0), Money(0)],
                ["江西省", "湖南省", N(1), N(1), N(2), N(7), N(0), N(100), Money(0)],
            ],
            Rows(page, "provinces").OrderByDescending(r => r[2]).ThenBy(r => r[0], StringComparer.Ordinal).ToList());
        Assert.Equal(
            [["2020", "1"], ["2021", "1"], ["2022", "4"], ["2023", "1"]],
            Rows(page, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
        Assert.DoesNotContain("999", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_by_region_table_drills_from_province_to_county_to_institution()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var provinces = Rows(await ministry.GetAsync("/Summaries"), "regions");
        var guizhou = Rows(await ministry.GetAsync("/Summaries?region=52"), "regions");
        var zunyi = Rows(await ministry.GetAsync("/Summaries?region=5203"), "regions");
        var county = Rows(await ministry.GetAsync("/Summaries?region=520302"), "regions");

        Assert.Equal(["北京市", "上海市", "江西省", "湖南省", "贵州省"], provinces.Select(r => r[0]));
        Assert.Equal(["上海市", N(3), N(2), N(5), N(12), N(30), N(0), Money(60_000.50m)], provinces.Single(r => r[0] == "上海市"));
        Assert.Equal(["贵州省 遵义市", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)], guizhou.Single());
        Assert.Equal(["贵州省 遵义市 红花岗区", "贵州省 遵义市 汇川区"], zunyi.Select(r => r[0]));
        Assert.Equal([["贵州甲校", N(1), N(1), N(3), N(12), N(30), N(0), Money(60_000.50m)]], county);
    }

    [Fact]
    public async Task Filters_by_year_and_macro_zone_change_the_totals_and_stay_in_the_address()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var year2022 = await ministry.GetAsync("/Summaries?from=2022&to=2022");
        var inForce2022 = await ministry.GetAsync("/Summaries?from=2022&to=2022&years=InForceWithin");
        var central = await ministry.GetAsync("/Summaries?zone=Central");

        // Every agreement took effect in 2020: none was signed in 2022, A1 was in force then (A2 still waits for a
        // confirmation, so it never was); the 2022 activities count either way.
        Assert.Equal(["东部 → 西部", N(0), N(0), N(3), N(0), N(30), N(0), Money(50_000m)], Rows(year2022, "east-west")[0]);
        Assert.Equal(["东部 → 西部", N(1), N(1), N(3), N(0), N(30), N(0), Money(50_000m)], Rows(inForce2022, "east-west")[0]);
        Assert.Equal("全国 · 2022 年签订的协议及当年活动 · 全部活动类型", year2022.Document.QuerySelector("[data-testid=summary-sentence]")!.TextContent.Trim());
        Assert.Contains("2022 年间有效", inForce2022.Document.QuerySelector("[data-testid=summary-sentence]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(2), N(7), N(0), N(100), Money(0)]], Rows(central, "provinces"));
        Assert.Contains("from=2022", year2022.Document.QuerySelector("[data-testid=export-provinces-csv]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alliance_without_activity_in_twelve_months_is_flagged()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var row = Rows(await ministry.GetAsync("/Summaries"), "alliances").Single(r => r[0] == "湘赣测试联盟");

        Assert.Equal(N(2), row[1]); // the lead and one member
        Assert.Equal("2022-06-01", row[^2]);
        Assert.Equal("是", row[^1]);
    }

    [Fact]
    public async Task An_alliance_typed_by_name_filters_the_summaries_and_an_unknown_name_is_said_next_to_the_field()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);
        using var liuyang = await data.SignedInAsync(data.Liuyang);

        var suggested = await ministry.Http.GetStringAsync("/Alliances/Search?q=湘赣", TestContext.Current.CancellationToken);
        var byName = await ministry.GetAsync("/Summaries?alliance=" + Uri.EscapeDataString("湘赣测试联盟"));
        var unknown = await ministry.GetAsync("/Summaries?alliance=" + Uri.EscapeDataString("没有这个联盟"));

        Assert.Contains("湘赣测试联盟", suggested, StringComparison.Ordinal);
        Assert.Equal("[]", await ministry.Http.GetStringAsync("/Alliances/Search?q=没有这个", TestContext.Current.CancellationToken));
        // A3 is the alliance's only agreement: its 2022 training, and the alliance's own 2020 forum in the trends.
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(2), N(7), N(0), N(100), Money(0)]], Rows(byName, "provinces"));
        Assert.Equal([["2020", "1"], ["2021", "0"], ["2022", "1"]], Rows(byName, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
        Assert.Equal("湘赣测试联盟", byName.Document.QuerySelector("#alliance")!.GetAttribute("value"));
        var alliance = byName.Document.QuerySelector("[data-testid=export-provinces-csv]")!.GetAttribute("href");
        Assert.Matches("alliance=[0-9a-f-]{36}", alliance); // exports and links carry the alliance's id
        Assert.Contains("is-invalid", unknown.Document.QuerySelector("#alliance")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(unknown.Document.QuerySelector("#alliance-error"));
        Assert.Equal(3, Rows(unknown, "provinces").Count); // no filter applied
        Assert.Null(byName.Document.QuerySelector("#alliance-error"));
        Assert.Contains("湘赣测试联盟", await liuyang.Http.GetStringAsync("/Alliances/Search?q=测试", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exports_hold_the_same_numbers_as_the_page()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var csv = await ministry.Http.GetByteArrayAsync("/Summaries?handler=Export&table=provinces&format=csv", TestContext.Current.CancellationToken);
        var xlsx = await ministry.Http.GetByteArrayAsync("/Summaries?handler=Export&table=east-west&format=xlsx", TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(l => l.TrimEnd('\r')).ToList();
        // The file says what it is: the panel, then the filters and the day, then the headers.
        Assert.Equal("\"省份之间\"", lines[0]);
        Assert.Equal("\"全国 · 各年度的协议和活动 · 全部活动类型 · 导出日期 2026-12-02\"", lines[1]);
        Assert.Equal("\"一方\",\"另一方\",\"协议数\",\"生效协议数\",\"活动数\",\"培训教师人数\",\"学生人数\",\"培训人次\",\"金额（元）\"", lines[3]);
        Assert.Contains("\"上海市\",\"贵州省\",2,1,4,12,30,0,60000.50", lines);
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal(["东西部协作总量"], sheets);
        var sheet = (await new MemoryStream(xlsx).QueryAsync(useHeaderRow: true, startCell: "A4", cancellationToken: TestContext.Current.CancellationToken)).Cast<IDictionary<string, object>>().First();
        Assert.Equal(2d, Convert.ToDouble(sheet["协议数"], CultureInfo.InvariantCulture));
        Assert.Equal(60_000.50d, Convert.ToDouble(sheet["金额（元）"], CultureInfo.InvariantCulture));
        Assert.Equal("东部 → 西部", sheet["流向"]);
    }

    [Fact]
    public async Task An_export_is_named_after_its_panel_its_filters_and_the_day()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        using var response = await ministry.Http.GetAsync("/Summaries?handler=Export&table=provinces&format=xlsx&province=52&from=2020&to=2026",
            TestContext.Current.CancellationToken);
        var xlsx = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal("跨区域汇总_省份之间_贵州省_2020-2026_2026-12-02.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var rows = (await new MemoryStream(xlsx).QueryAsync(cancellationToken: TestContext.Current.CancellationToken)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("省份之间", rows[0]["A"]);
        Assert.Equal("贵州省 · 2020–2026 年签订的协议及当年活动 · 全部活动类型 · 导出日期 2026-12-02", rows[1]["A"]);
        Assert.Equal("上海市", rows[4]["A"]);
        Assert.Equal(2d, Convert.ToDouble(rows[4]["C"], CultureInfo.InvariantCulture)); // a number, not text
    }

    [Fact]
    public async Task With_a_province_chosen_every_panel_shows_that_province_only_and_the_headline_agrees_with_them()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var guizhou = await ministry.GetAsync("/Summaries?province=52");
        var hunan = await ministry.GetAsync("/Summaries?province=43");

        Assert.Equal("贵州省 · 各年度的协议和活动 · 全部活动类型", guizhou.Document.QuerySelector("[data-testid=summary-sentence]")!.TextContent.Trim());
        // Guizhou: A1 and A2 with Shanghai; the Hunan–Jiangxi alliance has no member there, the Beijing–Shanghai lecture no party.
        Assert.Equal([["上海市", "贵州省", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)]], Rows(guizhou, "provinces"));
        Assert.Equal([["2021", "1"], ["2022", "3"]], Rows(guizhou, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
        Assert.Empty(Rows(guizhou, "alliances"));
        Assert.Equal(["上海市", "贵州省"], Rows(guizhou, "regions").Select(r => r[0]));
        // A drill-down into another province (left in the address when the province was changed) starts again from the top.
        Assert.Equal(["上海市", "贵州省"], Rows(await ministry.GetAsync("/Summaries?province=52&region=4301"), "regions").Select(r => r[0]));
        Assert.Equal([["东部", "西部", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)]], Rows(guizhou, "zones"));
        Assert.Equal(N(4), Headline(guizhou, "activities"));
        Assert.Equal(Money(50_000m), Headline(guizhou, "support"));
        // Hunan: the alliance's own forum and its agreement's training count in Hunan in every panel.
        var hunanRow = Rows(hunan, "regions").Single(r => r[0] == "湖南省");
        Assert.Equal(["湖南省", N(1), N(1), N(2), N(7), N(0), N(100), Money(0)], hunanRow);
        Assert.Equal(hunanRow[3], Headline(hunan, "activities"));
        Assert.Equal(hunanRow[4], Headline(hunan, "teachers"));
        Assert.Equal(N(100), Rows(hunan, "alliances").Single(r => r[0] == "湘赣测试联盟")[7]);
        Assert.Equal([["2020", "1"], ["2021", "0"], ["2022", "1"]], Rows(hunan, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
    }

    [Fact]
    public async Task Filters_the_page_does_not_offer_are_refused_next_to_their_field_and_filter_nothing()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);
        var everything = Rows(await ministry.GetAsync("/Summaries"), "east-west");

        var refused = await ministry.GetAsync("/Summaries?kind=1&zone=4&years=Nope&province=99&region=abc");
        var reversed = await ministry.GetAsync("/Summaries?from=2026&to=2020");
        var elsewhere = await ministry.GetAsync("/Summaries?province=52&region=4301");
        var unknownRegion = await ministry.GetAsync("/Summaries?region=999999");

        // kind=1 would be read as the second kind by the framework: only the names the form offers are taken.
        foreach (var field in new[] { "kind", "zone", "years", "province", "region" })
        {
            Assert.False(string.IsNullOrWhiteSpace(refused.Document.QuerySelector($"#{field}-error")?.TextContent), field);
        }
        Assert.Equal(everything, Rows(refused, "east-west"));
        Assert.Equal("全国 · 各年度的协议和活动 · 全部活动类型", refused.Document.QuerySelector("[data-testid=summary-sentence]")!.TextContent.Trim());
        Assert.Contains("2026", reversed.Document.QuerySelector("#to-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(everything, Rows(reversed, "east-west"));
        Assert.Contains("不在所选省份内", elsewhere.Document.QuerySelector("#region-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["上海市", "贵州省"], Rows(elsewhere, "regions").Select(r => r[0]));
        Assert.NotNull(unknownRegion.Document.QuerySelector("#region-error"));
        Assert.Equal(5, Rows(unknownRegion, "regions").Count); // from the provinces
    }

    [Fact]
    public async Task A_province_and_a_zone_are_both_said_and_an_export_of_a_drill_down_names_the_region()
    {
        using var ministry = await data.SignedInAsync(data.Ministry);

        var both = await ministry.GetAsync("/Summaries?province=43&zone=West");
        using var response = await ministry.Http.GetAsync("/Summaries?handler=Export&table=regions&format=csv&region=5203",
            TestContext.Current.CancellationToken);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("湖南省 · 西部 · ", both.Document.QuerySelector("[data-testid=summary-sentence]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("按地区：贵州省 遵义市", csv, StringComparison.Ordinal);
        Assert.Contains("贵州省-遵义市", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bureau_role_on_an_account_without_a_bureau_is_refused_not_broken()
    {
        var school = await data.WithDatabaseAsync(db => db.Institutions.Where(i => i.Name == "贵州甲校").Select(i => i.Id).SingleAsync());
        using var misfiled = await data.SignedInAsync(await data.CreateUserAsync(Roles.BureauStaff, school));

        using var page = await misfiled.Http.GetAsync("/Summaries", TestContext.Current.CancellationToken);
        using var export = await misfiled.Http.GetAsync("/Summaries?handler=Export&table=trends&format=csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
    }

    private static string Headline(PortalPage page, string figure) =>
        page.Document.QuerySelector($"[data-testid=headline-{figure}] dd")!.TextContent.Trim();

    [Fact]
    public async Task A_bureau_sees_only_its_jurisdictions_numbers_even_in_totals_and_exports()
    {
        using var liuyang = await data.SignedInAsync(data.Liuyang);

        var page = await liuyang.GetAsync("/Summaries");
        var csv = Encoding.UTF8.GetString(await liuyang.Http.GetByteArrayAsync("/Summaries?handler=Export&table=regions&format=csv", TestContext.Current.CancellationToken));

        Assert.All(Rows(page, "east-west"), row => Assert.All(row[1..], cell => Assert.True(cell is "0" or "0.00", cell)));
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(2), N(7), N(0), N(100), Money(0)]], Rows(page, "provinces"));
        Assert.Equal(["江西省", "湖南省"], Rows(page, "regions").Select(r => r[0]));
        Assert.Equal([["2020", "1"], ["2021", "0"], ["2022", "1"]], Rows(page, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
        Assert.DoesNotContain("60,000.50", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("上海市", page.Document.QuerySelector("[data-testid=summary-regions]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("上海市", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("60000", csv, StringComparison.Ordinal);
    }
}

/// <summary>On a dataset of its own: it records an activity.</summary>
public sealed class SupportOfAnyKindTests(KnownDataset data) : IClassFixture<KnownDataset>
{
    [Fact]
    public async Task Money_recorded_with_a_giver_and_a_receiver_on_a_training_counts_as_East_to_West_support()
    {
        var (a1, giver, receiver) = await data.WithDatabaseAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "A1");
            return (agreement.Id, agreement.Parties.Single(p => p.RegionCode.StartsWith("31", StringComparison.Ordinal)).OrganisationId,
                agreement.Parties.Single(p => p.RegionCode.StartsWith("52", StringComparison.Ordinal)).OrganisationId);
        });
        using var admin = await data.SignedInAsync(await data.CreateUserAsync(Roles.SystemAdmin, null));
        using var ministry = await data.SignedInAsync(data.Ministry);
        // Seen before the change (and so kept by the summaries cache), and again after it.
        var before = await ministry.GetAsync("/Summaries");
        var renamed = await data.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE alliances SET name = '湘赣测试联盟（更名）' WHERE name = '湘赣测试联盟'"));

        var saved = await admin.SubmitAsync(await admin.GetAsync($"/Activities/Create?agreementId={a1}"), PortalSession.MainForm,
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "TeacherTraining", ["Input.Title"] = "上海出资的师资培训", ["Input.StartsOn"] = "2023-05-01",
                ["Input.Teachers"] = "20", ["Input.AmountCny"] = "48,000", ["Input.GiverOrganisationId"] = giver.ToString(),
                ["Input.ReceiverOrganisationId"] = receiver.ToString(),
            });
        var half = await admin.SubmitAsync(await admin.GetAsync($"/Activities/Create?agreementId={a1}"), PortalSession.MainForm,
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Visit", ["Input.Title"] = "只有出资方", ["Input.StartsOn"] = "2023-05-02", ["Input.GiverOrganisationId"] = giver.ToString(),
            });
        var page = await ministry.GetAsync("/Summaries");

        Assert.StartsWith("/Activities/", saved.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(giver, await data.WithDatabaseAsync(db => db.Activities.Where(a => a.Title == "上海出资的师资培训").Select(a => a.GiverOrganisationId).SingleAsync()));
        // A giver without a receiver is refused next to the receiver, not silently dropped.
        Assert.NotEmpty(half.FieldError("Input.ReceiverOrganisationId"));
        Assert.False(await data.WithDatabaseAsync(db => db.Activities.AnyAsync(a => a.Title == "只有出资方")));
        var support = page.Document.QuerySelectorAll("[data-testid=summary-east-west] tbody tr")[1].Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["东部 → 西部 支援（记有出资方、受援方和金额的活动）", "0", "0", "2", "0", "0", "0", "98,000.00"], support);
        Assert.Equal("98,000.00", page.Document.QuerySelector("[data-testid=headline-support] dd")!.TextContent.Trim());
        Assert.Equal("50,000.00", before.Document.QuerySelector("[data-testid=headline-support] dd")!.TextContent.Trim());
        Assert.Equal(1, renamed);
        Assert.Contains("湘赣测试联盟（更名）", page.Document.QuerySelector("[data-testid=summary-alliances]")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>On a dataset of its own: it approves plans.</summary>
public sealed class PlansVsActualsTests(KnownDataset data) : IClassFixture<KnownDataset>
{
    private static List<string[]> Rows(PortalPage page, string table) =>
        [.. page.Document.QuerySelectorAll($"[data-testid=summary-{table}] tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task Approved_plans_show_their_completion_by_province_and_by_alliance_and_their_late_items_under_the_filters()
    {
        await data.WithDatabaseAsync(async db =>
        {
            var a1 = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "A1");
            var a5 = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "A5");
            var alliance = await db.Alliances.Include(a => a.Members).SingleAsync(a => a.Name == "湘赣测试联盟");
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            YearlyPlan Approved(YearlyPlan plan, string submitter, string approver)
            {
                plan.Submit("r:" + submitter, approver, user, now);
                plan.Approve(approver, user, now);
                return plan;
            }
            db.Plans.AddRange(
                Approved(new YearlyPlan(a1, 2022, new PlanTargets(TeachersTrained: 10, StudentsExchanged: 60)), "520302", "52"),
                Approved(new YearlyPlan(alliance, 2022, new PlanTargets(TeachersTrained: 14)), "430181", "43"),
                new YearlyPlan(a5, 2023, new PlanTargets(Lectures: 5))); // a draft: not followed
            return await db.SaveChangesAsync();
        });
        using var ministry = await data.SignedInAsync(data.Ministry);

        var page = await ministry.GetAsync("/Summaries");
        var guizhou = await ministry.GetAsync("/Summaries?province=52");
        var later = await ministry.GetAsync("/Summaries?from=2023");

        // A1 (Shanghai–Guizhou): no teacher trained in 2022, 30 of 60 students exchanged; the alliance (Hunan, Jiangxi):
        // 7 of 14 teachers, from its agreement A3.
        Assert.Equal(
            [
                ["上海市", "培训教师人数", "1", "10.00", "0.00", "0.00"],
                ["上海市", "交流学生人数", "1", "60.00", "30.00", "50.00"],
                ["江西省", "培训教师人数", "1", "14.00", "7.00", "50.00"],
                ["湖南省", "培训教师人数", "1", "14.00", "7.00", "50.00"],
                ["贵州省", "培训教师人数", "1", "10.00", "0.00", "0.00"],
                ["贵州省", "交流学生人数", "1", "60.00", "30.00", "50.00"],
            ],
            Rows(page, "plans-provinces"));
        Assert.Equal([["湘赣测试联盟", "培训教师人数", "1", "14.00", "7.00", "50.00"]], Rows(page, "plans-alliances"));
        // Every 2022 activity was recorded in 2026, after the deadline of 2023-03-31.
        Assert.Equal([["A1", "2022", "2"], ["湘赣测试联盟", "2022", "1"]], Rows(page, "plans-late"));
        Assert.All(Rows(guizhou, "plans-provinces"), r => Assert.Equal("贵州省", r[0]));
        Assert.Empty(Rows(guizhou, "plans-alliances"));
        Assert.Equal([["A1", "2022", "2"]], Rows(guizhou, "plans-late"));
        Assert.Empty(Rows(later, "plans-provinces"));
    }
}
