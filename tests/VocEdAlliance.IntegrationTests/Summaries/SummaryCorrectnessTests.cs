using System.Globalization;
using System.Text;
using MiniExcelLibs;

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
                ["东部 → 西部 资金与设备支持", N(0), N(0), N(1), N(0), N(0), N(0), Money(50_000m)],
            ],
            Rows(page, "east-west"));
        Assert.Equal(
            [
                ["上海市", "贵州省", N(2), N(1), N(4), N(12), N(30), N(0), Money(60_000.50m)],
                ["北京市", "上海市", N(1), N(1), N(1), N(0), N(0), N(0), Money(0)],
                ["江西省", "湖南省", N(1), N(1), N(1), N(7), N(0), N(100), Money(0)],
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
        var central = await ministry.GetAsync("/Summaries?zone=Central");

        Assert.Equal(["东部 → 西部", N(2), N(1), N(3), N(0), N(30), N(0), Money(50_000m)], Rows(year2022, "east-west")[0]);
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(1), N(7), N(0), N(100), Money(0)]], Rows(central, "provinces"));
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
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(1), N(7), N(0), N(100), Money(0)]], Rows(byName, "provinces"));
        Assert.Equal([["2020", "1"], ["2022", "1"]], Rows(byName, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
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
        Assert.Equal("\"一方\",\"另一方\",\"协议数\",\"生效协议数\",\"活动数\",\"培训教师人数\",\"学生人数\",\"培训人次\",\"金额（元）\"", lines[0]);
        Assert.Contains("\"上海市\",\"贵州省\",2,1,4,12,30,0,60000.50", lines);
        var sheet = (await new MemoryStream(xlsx).QueryAsync(useHeaderRow: true, cancellationToken: TestContext.Current.CancellationToken)).Cast<IDictionary<string, object>>().First();
        Assert.Equal(2d, Convert.ToDouble(sheet["协议数"], CultureInfo.InvariantCulture));
        Assert.Equal(60_000.50d, Convert.ToDouble(sheet["金额（元）"], CultureInfo.InvariantCulture));
        Assert.Equal("东部 → 西部", sheet["流向"]);
    }

    [Fact]
    public async Task A_bureau_sees_only_its_jurisdictions_numbers_even_in_totals_and_exports()
    {
        using var liuyang = await data.SignedInAsync(data.Liuyang);

        var page = await liuyang.GetAsync("/Summaries");
        var csv = Encoding.UTF8.GetString(await liuyang.Http.GetByteArrayAsync("/Summaries?handler=Export&table=regions&format=csv", TestContext.Current.CancellationToken));

        Assert.All(Rows(page, "east-west"), row => Assert.All(row[1..], cell => Assert.True(cell is "0" or "0.00", cell)));
        Assert.Equal([["江西省", "湖南省", N(1), N(1), N(1), N(7), N(0), N(100), Money(0)]], Rows(page, "provinces"));
        Assert.Equal(["江西省", "湖南省"], Rows(page, "regions").Select(r => r[0]));
        Assert.Equal([["2020", "1"], ["2022", "1"]], Rows(page, "trends").Select(r => new[] { r[0], r[^1] }).ToList());
        Assert.DoesNotContain("60,000.50", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("上海市", page.Document.QuerySelector("[data-testid=summary-regions]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("上海市", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("60000", csv, StringComparison.Ordinal);
    }
}
