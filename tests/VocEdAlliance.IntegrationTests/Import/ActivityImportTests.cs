using System.Text;

namespace VocEdAlliance.IntegrationTests.Import;

/// <summary>Activities from a workbook, for principals too: an export imports back unchanged; a row on an agreement the
/// user cannot see is refused by name; a new row with giver and receiver named records the support; rows outside a
/// principal's school are refused.</summary>
public sealed class ActivityImportTests(ImportPortal portal) : IClassFixture<ImportPortal>
{
    private const string Headers = "协议编号,协议,所属联盟,标题,活动类型,日期,结束日期,地点,参与单位,参与人数,学生人数,培训教师人数,培训人次,给予方,接受方,金额（元）,资金来源,说明";

    private Task<List<(Guid Id, string Title, uint Version)>> SnapshotAsync() =>
        portal.WithDatabaseAsync(async db => (await db.Activities.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.Version }).ToListAsync())
            .Select(a => (a.Id, a.Title, a.Version)).ToList());

    [Theory]
    [InlineData("honghuagang.principal@demo.local")]
    [InlineData("zunyi.staff@demo.local")]
    public async Task An_exported_activities_list_imports_back_and_nothing_changes(string reader)
    {
        using var session = await portal.SignedInAsync(reader);
        var before = await SnapshotAsync();
        await ImportSteps.ImportsBackUnchangedAsync(session, "/Activities?handler=Export", "Activities", "合作活动");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_principal_records_their_school_s_activities_and_nothing_elsewhere()
    {
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");
        var own = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Parties.Any(p => p.OrganisationName.Contains("红花岗")) && !a.IsArchived)
            .OrderBy(a => a.Id).Select(a => new { Number = "\"" + a.Title + "\"", Parties = a.Parties.Select(p => p.OrganisationName).ToList() }).FirstAsync());
        var elsewhere = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Parties.All(p => !EF.Functions.Like(p.RegionCode, "52%")))
            .OrderBy(a => a.Id).Select(a => a.Title).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..6];
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n",
            Headers,
            $",{own.Number},,导入支援{tag},资金支持,2025-03-01,,,,,,,,{own.Parties[1]},{own.Parties[0]},50000.50,东西部协作资金,",
            $",\"{elsewhere}\",,导入越权{tag},考察访问,2025-03-02,,,,,,,,,,,,",
            $",{own.Number},,导入坏日{tag},考察访问,2025-02-30,,,,,,,,,,,,") + "\r\n");
        var checkedPage = await ImportSteps.UploadAsync(principal, file, "活动.csv", "Activities");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 2", ImportSteps.Summary(checkedPage));
        Assert.Contains($"“{elsewhere}”不是您可查看的协议或联盟", checkedPage.Document.QuerySelector("[data-testid=refused] tr[data-row='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("日期", checkedPage.Document.QuerySelector("[data-testid=refused] tr[data-row='4']")!.TextContent, StringComparison.Ordinal);

        var fixedFile = Encoding.UTF8.GetBytes(string.Join("\r\n", Headers,
            $",{own.Number},,导入支援{tag},资金支持,2025-03-01,,,,,,,,{own.Parties[1]},{own.Parties[0]},50000.50,东西部协作资金,") + "\r\n");
        var ready = await ImportSteps.UploadAsync(principal, fixedFile, "活动.csv", "Activities");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 0", ImportSteps.Summary(ready));
        var done = await ImportSteps.CommitAsync(principal, ready);
        Assert.True(done.Document.QuerySelector("[data-testid=committed]") is not null, done.Document.QuerySelector("main")?.TextContent);
        var recorded = await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Title == $"导入支援{tag}"));
        Assert.Equal((50000.50m, "东西部协作资金"), (recorded.AmountCny, recorded.SourceOfFunds));
        Assert.NotNull(recorded.GiverOrganisationId);
        Assert.NotNull(recorded.ReceiverOrganisationId);
        // Imported again with another amount: the same activity (agreement, day, kind) is updated, not doubled.
        var again = await ImportSteps.UploadAsync(principal, Encoding.UTF8.GetBytes(string.Join("\r\n", Headers,
            $",{own.Number},,导入支援{tag},资金支持,2025-03-01,,,,,,,,{own.Parties[1]},{own.Parties[0]},60000,东西部协作资金,") + "\r\n"), "活动.csv", "Activities");
        Assert.Equal("新增 0 · 更新 1 · 未变 0 · 拒绝 0", ImportSteps.Summary(again));
        await ImportSteps.CommitAsync(principal, again);
        Assert.Equal(60000m, await portal.WithDatabaseAsync(db => db.Activities.Where(a => a.Title == $"导入支援{tag}").Select(a => a.AmountCny).SingleAsync()));
    }

    [Fact]
    public async Task A_row_matching_two_identical_activities_is_refused_as_ambiguous_not_answered_with_an_error()
    {
        // Found by the independent check: two activities the form allowed (same agreement, start, kind and title)
        // made the import of the portal's own export answer 500.
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = await portal.WithDatabaseAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Parties)
                .Where(a => a.Parties.Any(p => p.OrganisationName.Contains("红花岗")) && !a.IsArchived).OrderBy(a => a.Id).FirstAsync();
            var recorder = (await db.Users.FirstAsync()).Id;
            for (var i = 0; i < 2; i++)
            {
                db.Activities.Add(Web.Domain.Activities.CooperationActivity.Record(agreement, null, new Web.Domain.Activities.ActivityDetails(
                    Web.Domain.Activities.ActivityKind.Visit, $"重复{tag}", new DateOnly(2025, 3, 1), null, null, null,
                    new Web.Domain.Activities.ActivityOutcomes(), null, null, Web.Domain.DatePrecision.Month), recorder, DateTimeOffset.UtcNow));
            }
            await db.SaveChangesAsync();
            return "\"" + agreement.Title + "\"";
        });
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n", Headers, $",{title},,重复{tag},考察访问,2025-03,,,,,,,,,,,,") + "\r\n");

        var checkedPage = await ImportSteps.UploadAsync(zunyi, file, "活动.csv", "Activities");

        Assert.Equal(HttpStatusCode.OK, checkedPage.Status);
        Assert.Equal("新增 0 · 更新 0 · 未变 0 · 拒绝 1", ImportSteps.Summary(checkedPage));
    }

    [Fact]
    public async Task A_row_known_by_its_year_or_month_is_recorded_as_such_not_as_a_day_of_1905()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var own = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Parties.Any(p => p.OrganisationName.Contains("红花岗")) && !a.IsArchived)
            .OrderBy(a => a.Id).Select(a => "\"" + a.Title + "\"").FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..6];
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n", Headers,
            $",{own},,只知年份{tag},师资培训,2019,2019.6,,,,,,,,,,,") + "\r\n");
        var ready = await ImportSteps.UploadAsync(zunyi, file, "活动.csv", "Activities");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 0", ImportSteps.Summary(ready));
        await ImportSteps.CommitAsync(zunyi, ready);
        var recorded = await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Title == $"只知年份{tag}"));
        Assert.Equal(("2019", "2019-06"), (recorded.Starts.ToString(), recorded.Ends!.Value.ToString()));
    }

    [Fact]
    public async Task A_principal_cannot_import_institutions()
    {
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");
        var page = await principal.GetAsync("/Import");
        Assert.Null(page.Document.QuerySelector("[data-testid=kind-Institutions]"));
        Assert.Contains("kind=Activities", page.Document.QuerySelector("[data-testid=template]")!.GetAttribute("href"), StringComparison.Ordinal);
        // Asked for by address, the institutions' template and upload are refused, not quietly swapped for activities'.
        var template = await principal.Http.GetAsync("/Import?handler=Template&kind=Institutions", TestContext.Current.CancellationToken);
        Assert.Contains("/Account/AccessDenied", template.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var upload = await ImportSteps.UploadAsync(principal, "名称\r\n某校\r\n"u8.ToArray(), "院校.csv", "Institutions");
        Assert.Contains("/Account/AccessDenied", upload.Url.AbsolutePath, StringComparison.Ordinal);
    }
}

/// <summary>The import page's steps, as a browser does them.</summary>
public static class ImportSteps
{
    public static async Task<PortalPage> UploadAsync(PortalSession session, byte[] content, string fileName, string kind = "Institutions", Guid? operation = null)
    {
        var page = await session.GetAsync($"/Import?kind={kind}");
        var token = page.Document.QuerySelector("[data-testid=import-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent((operation ?? Guid.NewGuid()).ToString()), "Operation" },
        };
        var response = await session.Http.PostAsync($"/Import?handler=Check&kind={kind}", form, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect
            ? await session.GetAsync(response.Headers.Location!.OriginalString)
            : new PortalPage(response.StatusCode, response.RequestMessage!.RequestUri!,
                new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), response);
    }

    /// <summary>Exports a list as XLSX and as CSV and uploads each file back: every row unchanged, none new, changed or
    /// refused, and nothing to commit.</summary>
    public static async Task ImportsBackUnchangedAsync(PortalSession session, string exportUrl, string kind, string fileName)
    {
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var export = await session.Http.GetByteArrayAsync($"{exportUrl}&format={format}", TestContext.Current.CancellationToken);
            var checkedPage = await UploadAsync(session, export, $"{fileName}.{format}", kind);
            Assert.Matches(@"^新增 0 · 更新 0 · 未变 [1-9]\d* · 拒绝 0$", Summary(checkedPage));
            Assert.NotNull(checkedPage.Document.QuerySelector("[data-testid=nothing-to-record]")); // nothing to commit
        }
    }

    public static string Summary(PortalPage page) => page.Document.QuerySelector("[data-testid=summary]")?.TextContent.Trim() ?? string.Empty;

    public static string FileError(PortalPage page) => page.Document.QuerySelector("[data-testid=file-error]")?.TextContent.Trim() ?? string.Empty;

    public static Task<PortalPage> CommitAsync(PortalSession session, PortalPage checkedPage) =>
        session.SubmitAsync(checkedPage, "form[action*='handler=Commit']", new Dictionary<string, string>());
}
