using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Import;

/// <summary>Agreements with their parties from a workbook: an export of the list (archived ones too) imports back with
/// nothing changed; a new agreement is recorded with its parties, modes and signatories, and the same row with its
/// number changes it rather than recording a second; a row naming no party in the jurisdiction is refused, and a bad
/// row is refused next to its cell and leaves nothing to commit.</summary>
public sealed class AgreementImportTests(ImportPortal portal) : IClassFixture<ImportPortal>
{
    private const string Headers = "协议编号,标题,协议类型,所属联盟,生效日期,终止日期,合作方式,合作专业,备注,"
        + "签约方1,签约方1签署人,签约方1签署人职务,签约方1签署日期,签约方2,签约方2签署人,签约方2签署人职务,签约方2签署日期";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Headers, .. lines]) + "\r\n");

    private Task<List<(Guid Id, string Title, string TermsHash, AgreementStatus Status, uint Version)>> SnapshotAsync() =>
        portal.WithDatabaseAsync(async db => (await db.Agreements.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.TermsHash, a.Status, a.Version }).ToListAsync())
            .Select(a => (a.Id, a.Title, a.TermsHash, a.Status, a.Version)).ToList());

    [Theory]
    [InlineData("hunan.staff@demo.local")]
    [InlineData("zunyi.staff@demo.local")]
    public async Task An_exported_agreements_list_imports_back_and_nothing_changes(string reader)
    {
        using var session = await portal.SignedInAsync(reader);
        var before = await SnapshotAsync();
        await ImportSteps.ImportsBackUnchangedAsync(session, "/Agreements?handler=Export&archived=true", "Agreements", "合作协议");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_new_agreement_is_recorded_with_its_parties_and_its_number_then_changes_it_instead_of_recording_another()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (liuyang, zunyi, guizhou) = (await SchoolAsync($"浏阳导入{tag}", "430181"), await SchoolAsync($"遵义导入{tag}", "520302"),
            await SchoolAsync($"贵阳导入{tag}", "520102"));
        var number = $"XY-{tag}";
        var checkedPage = await ImportSteps.UploadAsync(hunan, Csv(
            $"{number},湘黔结对{tag},结对协议,,2026-09-01,2029-08-31,师资培训、学生交流,护理,导入,{liuyang},张三,校长,2026-08-20,{zunyi},李四,校长,2026-08-21",
            $",黔内结对{tag},结对协议,,2026-09-01,,师资培训,,,{zunyi},,,,{guizhou},,,"), "协议.csv", "Agreements");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 1", ImportSteps.Summary(checkedPage));
        Assert.Contains("至少须有一个签约方在您的管辖范围内", checkedPage.Document.QuerySelector("[data-testid=refused] tr[data-row='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Agreements.CountAsync(a => a.Number == number))); // a dry run records nothing

        var ready = await ImportSteps.UploadAsync(hunan, Csv(
            $"{number},湘黔结对{tag},结对协议,,2026-09-01,2029-08-31,师资培训、学生交流,护理,导入,{liuyang},张三,校长,2026-08-20,{zunyi},李四,校长,2026-08-21"), "协议.csv", "Agreements");
        var done = await ImportSteps.CommitAsync(hunan, ready);
        Assert.True(done.Document.QuerySelector("[data-testid=committed]") is not null, done.Document.QuerySelector("main")?.TextContent);
        var recorded = await portal.WithDatabaseAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Number == number));
        Assert.Equal((AgreementKind.Pairing, new DateOnly(2029, 8, 31), "护理"), (recorded.Kind, recorded.EffectiveTo, recorded.Specialties));
        Assert.Equal(new[] { CooperationMode.TeacherTraining, CooperationMode.StudentExchange }.Order(), recorded.Modes);
        Assert.Equal(("张三", "校长", new DateOnly(2026, 8, 20)),
            recorded.Parties.Where(p => p.OrganisationName == liuyang).Select(p => (p.SignatoryName, p.SignatoryTitle, p.SignedOn)).Single());
        // Recorded by Hunan, it waits for Guizhou's side.
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, recorded.Status);

        var changed = await ImportSteps.UploadAsync(hunan, Csv(
            $"{number},湘黔结对{tag},结对协议,,2026-09-01,2030-08-31,师资培训,护理,导入,{liuyang},张三,校长,2026-08-20,{zunyi},李四,校长,2026-08-21"), "协议.csv", "Agreements");
        Assert.Equal("新增 0 · 更新 1 · 未变 0 · 拒绝 0", ImportSteps.Summary(changed));
        await ImportSteps.CommitAsync(hunan, changed);
        var after = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Number == number).Select(a => new { a.Id, a.EffectiveTo, a.Modes }).ToListAsync());
        Assert.Equal(recorded.Id, Assert.Single(after).Id);
        Assert.Equal(new DateOnly(2030, 8, 31), after[0].EffectiveTo);
        Assert.Equal([CooperationMode.TeacherTraining], after[0].Modes);
    }

    [Fact]
    public async Task The_template_has_four_party_groups_with_their_roles_drop_downs_and_says_every_column()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var bytes = await hunan.Http.GetByteArrayAsync("/Import?handler=Template&kind=Agreements", TestContext.Current.CancellationToken);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        string[] Texts(int sheet) => [.. ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText)];
        var data = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.Equal([.. Headers.Split(',').Take(9), "落实的框架协议", "产业学院名称", "年度名额",
                .. Enumerable.Range(1, 4).SelectMany(n => (string[])[$"签约方{n}", $"签约方{n}角色", $"签约方{n}签署人", $"签约方{n}签署人职务", $"签约方{n}签署日期"])],
            data.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(5, data.Worksheet.Descendants<DataValidation>().Count()); // the kind and each party's role
        var instructions = string.Join("|", Texts(1));
        Assert.Contains("师资培训", instructions, StringComparison.Ordinal); // the modes one may write
        Assert.DoesNotContain("Import.", instructions, StringComparison.Ordinal); // every column explained in words
        Assert.Equal("新增 0 · 更新 0 · 未变 0 · 拒绝 0", ImportSteps.Summary(await ImportSteps.UploadAsync(hunan, bytes, "模板.xlsx", "Agreements")));
    }

    [Fact]
    public async Task A_bad_row_is_refused_next_to_its_cell_and_nothing_of_the_file_is_recorded()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (liuyang, zunyi) = (await SchoolAsync($"浏阳坏行{tag}", "430181"), await SchoolAsync($"遵义坏行{tag}", "520302"));
        var before = await SnapshotAsync();
        var checkedPage = await ImportSteps.UploadAsync(hunan, Csv(
            $",好行{tag},结对协议,,2026-09-01,,师资培训,,,{liuyang},,,,{zunyi},,,",
            $",坏方式{tag},结对协议,,2026-09-01,,飞行训练,,,{liuyang},,,,{zunyi},,,",
            $",倒期{tag},结对协议,,2026-09-01,2026-01-01,,,,{liuyang},,,,{zunyi},,,",
            $",无此方{tag},结对协议,,2026-09-01,,,,,{liuyang},,,,不存在的学校{tag},,,"), "协议.csv", "Agreements");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 3", ImportSteps.Summary(checkedPage));
        var refused = checkedPage.Document.QuerySelector("[data-testid=refused]")!;
        Assert.Contains("“飞行训练”不是可选值之一", refused.QuerySelector("tr[data-row='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("终止日期", refused.QuerySelector("tr[data-row='4']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"不存在的学校{tag}", refused.QuerySelector("tr[data-row='5']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(checkedPage.Document.QuerySelector("form[action*='handler=Commit']")); // nothing can be committed
        Assert.Equal(before, await SnapshotAsync());
    }

    private Task<string> SchoolAsync(string name, string region) => portal.WithDatabaseAsync(async db =>
    {
        db.Institutions.Add(new Institution(name, null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, region, new(), 2026));
        await db.SaveChangesAsync();
        return name;
    });
}
