using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using MiniExcelLibs;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.IntegrationTests.Exports;

/// <summary>The demo data on a database nothing else writes to: a list and its export are read a moment apart.</summary>
public sealed class ExportPortal() : DedicatedPortal(seedDemo: true)
{
    /// <summary>The demo data has no yearly plans: one for every agreement (2024) and every alliance (2025).</summary>
    protected override Task ArrangeAsync() => WithDatabaseAsync(async db =>
    {
        foreach (var agreement in await db.Agreements.Where(a => !a.IsArchived).ToListAsync())
        {
            db.Plans.Add(new YearlyPlan(agreement, 2024, new PlanTargets(TeachersTrained: 10)));
        }
        foreach (var alliance in await db.Alliances.ToListAsync())
        {
            db.Plans.Add(new YearlyPlan(alliance, 2025, new PlanTargets(Visits: 2)));
        }
        return await db.SaveChangesAsync();
    });
}

/// <summary>Every list's CSV and XLSX hold exactly the rows the list shows the reader, page after page, in its order,
/// with its filters: nothing from outside their jurisdiction, nothing left out.</summary>
public sealed partial class ListExportTests(ExportPortal portal) : IClassFixture<ExportPortal>
{
    /// <summary>List address, and which exported column holds what the list's first column shows.</summary>
    private static readonly Dictionary<string, int> Lists = new()
    {
        ["/Institutions"] = 0, ["/Agreements"] = 1, ["/Activities"] = 3, ["/Alliances"] = 0, ["/Plans"] = 0,
    };

    public static TheoryData<string, string> Readers()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in new[] { "ministry@demo.local", "hunan.staff@demo.local", "liuyang.staff@demo.local", "zunyi.staff@demo.local", "spa.principal@demo.local" })
        {
            foreach (var list in Lists.Keys)
            {
                data.Add(reader, list);
            }
        }
        data.Add("zunyi.admin@demo.local", "/Admin/Users");
        data.Add("admin@demo.local", "/Admin/Users");
        data.Add("zunyi.staff@demo.local", "/Institutions?kind=SecondaryVocationalSchool&sort=-founded");
        data.Add("ministry@demo.local", "/Agreements?region=贵州省&sort=title");
        data.Add("hunan.staff@demo.local", "/Activities?kind=SkillsTraining&sort=title");
        return data;
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task An_export_holds_the_rows_of_every_page_of_the_list_and_nothing_else(string reader, string list)
    {
        using var session = await portal.SignedInAsync(reader);
        var shown = await EveryPageAsync(session, list);
        var path = list.Split('?')[0];
        var column = Lists.GetValueOrDefault(path);
        var query = list.Contains('?') ? "&" + list.Split('?')[1] : string.Empty;

        var csv = await session.Http.GetAsync($"{path}?handler=Export&format=csv{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var csvRows = ReadCsv(await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var xlsx = await session.Http.GetAsync($"{path}?handler=Export&format=xlsx{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var xlsxRows = ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.NotEmpty(shown);
        Assert.Equal(shown, csvRows.Skip(4).Select(r => r[column]).ToList());
        Assert.Equal(shown, xlsxRows.Skip(4).Select(r => r[column]).ToList());
        // The first rows say what the file is: the list, the filters, the day.
        Assert.Equal(csvRows[0][0], xlsxRows[0][0]);
        Assert.Contains("2026", csvRows[1][0], StringComparison.Ordinal);
        Assert.Equal(csvRows[3], xlsxRows[3]);
    }

    [Fact]
    public async Task A_bureau_export_has_only_institutions_of_its_jurisdiction_and_names_its_filters()
    {
        using var session = await portal.SignedInAsync("zunyi.staff@demo.local");
        var bytes = await session.Http.GetByteArrayAsync("/Institutions?handler=Export&format=csv&kind=SecondaryVocationalSchool", TestContext.Current.CancellationToken);
        var rows = ReadCsv(bytes);
        Assert.Equal("类型：中等职业学校", rows[1][0].Split(" · ")[0].Replace("筛选条件：", string.Empty, StringComparison.Ordinal));
        Assert.All(rows.Skip(4), r => Assert.StartsWith("5203", r[5], StringComparison.Ordinal));
        Assert.All(rows.Skip(4), r => Assert.Equal("中等职业学校", r[3]));
        var name = XlsxFileName().Match(Uri.UnescapeDataString(
            (await session.Http.GetAsync("/Institutions?handler=Export&format=xlsx", TestContext.Current.CancellationToken)).Content.Headers.ContentDisposition!.ToString()));
        Assert.True(name.Success);
    }

    [Fact]
    public async Task An_unknown_format_is_not_found_and_a_principal_cannot_export_users()
    {
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await ministry.Http.GetAsync("/Agreements?handler=Export&format=pdf", TestContext.Current.CancellationToken)).StatusCode);
        using var principal = await portal.SignedInAsync("spa.principal@demo.local");
        var refused = await principal.Http.GetAsync("/Admin/Users?handler=Export&format=csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Agreements?handler=Export&format=csv&year=-1", "年度")]
    [InlineData("/Institutions?handler=Export&format=xlsx&region=garbage", "garbage")]
    public async Task A_filter_the_list_refuses_is_not_exported_as_everything(string url, string named)
    {
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        using var response = await ministry.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var said = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("未导出：", said, StringComparison.Ordinal);
        Assert.Contains(named, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_history_exports_its_entries()
    {
        using var session = await portal.SignedInAsync("zunyi.staff@demo.local");
        var id = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.RegionCode.StartsWith("5203")).Select(i => i.Id).FirstAsync());
        var page = await session.GetAsync($"/History/institution/{id}");
        var entries = page.Document.QuerySelectorAll("[data-testid=history] > li").Length;
        var rows = ReadCsv(await session.Http.GetByteArrayAsync($"/History/institution/{id}?handler=Export&format=csv", TestContext.Current.CancellationToken));
        Assert.Equal(entries, rows.Count - 4);
        using var stranger = await portal.SignedInAsync("hunan.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.Http.GetAsync($"/History/institution/{id}?handler=Export&format=csv", TestContext.Current.CancellationToken)).StatusCode);
    }

    [GeneratedRegex(@"filename\*=UTF-8''院校与机构_\d{4}-\d{2}-\d{2}\.xlsx")]
    private static partial Regex XlsxFileName();

    /// <summary>The first column's text of every row on every page of the list.</summary>
    private static async Task<List<string>> EveryPageAsync(PortalSession session, string list)
    {
        var rows = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await session.GetAsync(list + (list.Contains('?') ? "&" : "?") + "p=" + number.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            rows.AddRange(page.Document.QuerySelectorAll("[data-testid=results] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
            if (page.Document.QuerySelector(".pagination .page-item:last-child.disabled") is not null
                || page.Document.QuerySelector(".pagination") is null)
            {
                return rows;
            }
        }
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }
        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToArray())];
    }
}
