using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Import;

/// <summary>The demo data on a database of its own: imports change institutions that exports and counts read.</summary>
public sealed class ImportPortal() : DedicatedPortal(seedDemo: true);

/// <summary>Institutions from a workbook: an export imports back with nothing changed; a dry run records nothing; a
/// refused row (by the forms' rules, or outside the jurisdiction) stops the whole commit; hostile files are refused
/// with a clear message.</summary>
public sealed class InstitutionImportTests(ImportPortal portal) : IClassFixture<ImportPortal>
{
    private const string Headers = "名称,英文名称,统一社会信用代码,类型,办学性质,地区代码,地址,校长或法定代表人,联系电话,建校（成立）年份,在校生人数";

    private Task<List<(Guid Id, string Name, int? Enrolment, uint Version)>> SnapshotAsync() =>
        portal.WithDatabaseAsync(async db => (await db.Institutions.OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, i.Enrolment, i.Version }).ToListAsync())
            .Select(i => (i.Id, i.Name, i.Enrolment, i.Version)).ToList());

    private static Task<PortalPage> UploadAsync(PortalSession session, byte[] content, string fileName) =>
        ImportSteps.UploadAsync(session, content, fileName);

    private static string Summary(PortalPage page) => ImportSteps.Summary(page);

    private static string FileError(PortalPage page) => ImportSteps.FileError(page);

    private static Task<PortalPage> CommitAsync(PortalSession session, PortalPage checkedPage) => ImportSteps.CommitAsync(session, checkedPage);

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Headers, .. lines]) + "\r\n");

    [Fact]
    public async Task An_exported_list_imports_back_and_nothing_changes()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        // Text an export writes with an apostrophe in front (so that a spreadsheet does not take it for a formula)
        // imports back as it was.
        var tag = Guid.NewGuid().ToString("N")[..6];
        await portal.WithDatabaseAsync(async db =>
        {
            db.Institutions.Add(new Institution($"={tag}学校", $"-Dash {tag}", InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "520302",
                new InstitutionProfile(ContactPhone: "+86 851 2822 2222", Head: "@李明"), 2026));
            return await db.SaveChangesAsync();
        });
        var before = await SnapshotAsync();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var export = await zunyi.Http.GetByteArrayAsync($"/Institutions?handler=Export&format={format}", TestContext.Current.CancellationToken);
            var listed = (await zunyi.GetAsync("/Institutions")).Document.QuerySelector("[data-testid=total]")!.TextContent;
            var checkedPage = await UploadAsync(zunyi, export, "院校与机构." + format);
            Assert.Equal(HttpStatusCode.OK, checkedPage.Status);
            var count = int.Parse(new string([.. listed.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"新增 0 · 更新 0 · 未变 {count} · 拒绝 0", Summary(checkedPage));
            Assert.NotNull(checkedPage.Document.QuerySelector("[data-testid=nothing-to-record]")); // nothing to commit
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_dry_run_records_nothing_and_a_refused_row_stops_the_whole_commit()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var existing = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.RegionCode.StartsWith("5203") && i.CreditCode == null)
            .OrderBy(i => i.Name).Select(i => new { i.Name, i.RegionCode, i.Enrolment }).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..6];
        var before = await SnapshotAsync();
        var file = Csv(
            $"导入新校{tag},,,中等职业学校,公办,520302,,,,2001,1200",
            $"{existing.Name},,,中等职业学校,公办,{existing.RegionCode},,,,,{(existing.Enrolment ?? 0) + 7}",
            $"导入坏校{tag},,,幼儿园,公办,520302,,,,2001,abc",
            $"上海导入{tag},,,中等职业学校,公办,310116,,,,,");

        var dryRun = await UploadAsync(zunyi, file, "第一次.csv");
        // A file with refused rows is not committed, even when a commit is posted for it; the page says why.
        var token = dryRun.Document.QuerySelector("[data-testid=import-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var batch = System.Web.HttpUtility.ParseQueryString(dryRun.Url.Query)["batch"];
        using var forced = await zunyi.Http.PostAsync($"/Import?batch={batch}&handler=Commit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        var told = await zunyi.GetAsync(forced.Headers.Location!.OriginalString);
        Assert.Equal("含有被拒绝行的文件不能记录。", told.Document.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Equal("新增 1 · 更新 1 · 未变 0 · 拒绝 2", Summary(dryRun));
        var bad = dryRun.Document.QuerySelector("[data-testid=refused] tr[data-row='4']")!;
        Assert.Contains("“幼儿园”不是可选值之一", bad.TextContent, StringComparison.Ordinal);
        Assert.Contains("在校生人数", bad.TextContent, StringComparison.Ordinal); // the number's message names its field
        var outside = dryRun.Document.QuerySelector("[data-testid=refused] tr[data-row='5']")!;
        Assert.Contains("管辖范围", outside.TextContent, StringComparison.Ordinal);
        Assert.Null(dryRun.Document.QuerySelector("[data-testid=commit]")); // nothing to commit while a row is refused
        Assert.Equal(before, await SnapshotAsync());

        // Fixed: the two good rows only. Then, before the commit, an institution elsewhere is registered with the new
        // school's credit code: the commit checks every row again and records nothing.
        var code = CreditCodes.New();
        var ready = await UploadAsync(zunyi, Csv(
            $"导入新校{tag},,{code},中等职业学校,公办,520302,,,,2001,1200",
            $"{existing.Name},,,中等职业学校,公办,{existing.RegionCode},,,,,{(existing.Enrolment ?? 0) + 7}"), "第二次.csv");
        Assert.Equal("新增 1 · 更新 1 · 未变 0 · 拒绝 0", Summary(ready));
        Assert.NotNull(ready.Document.QuerySelector("[data-testid=commit]"));
        await portal.WithDatabaseAsync(async db =>
        {
            db.Institutions.Add(new Institution($"长沙占码校{tag}", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "430102",
                new InstitutionProfile(CreditCode: code), 2026));
            return await db.SaveChangesAsync();
        });
        var afterTaking = await SnapshotAsync();
        var refused = await CommitAsync(zunyi, ready);
        Assert.Null(refused.Document.QuerySelector("[data-testid=committed]"));
        Assert.Equal("新增 0 · 更新 1 · 未变 0 · 拒绝 1", Summary(refused));
        Assert.Equal(afterTaking, await SnapshotAsync()); // nothing of the file was recorded, the existing school kept
    }

    [Fact]
    public async Task A_fixed_file_is_recorded_all_at_once_with_its_batch_and_report()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var operation = Guid.NewGuid();
        var checkedPage = await ImportSteps.UploadAsync(zunyi, Csv(
            $"批量甲{tag},,,中等职业学校,公办,520302,遵义市红花岗区,李明,0851-1234567,1998,900",
            $"批量乙{tag},,,技工学校,民办,520303,,,,,"), "批量.csv", operation: operation);
        Assert.Equal("新增 2 · 更新 0 · 未变 0 · 拒绝 0", Summary(checkedPage));
        // The progress bar's answer: every row checked; nobody else is told.
        Assert.Equal("""{"phase":"checking","done":2,"total":2}""",
            await zunyi.Http.GetStringAsync($"/Import?handler=Progress&operation={operation}", TestContext.Current.CancellationToken));
        using (var stranger = await portal.SignedInAsync("zunyi.admin@demo.local"))
        {
            Assert.Contains("unknown", await stranger.Http.GetStringAsync($"/Import?handler=Progress&operation={operation}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Institutions.CountAsync(i => i.Name.EndsWith(tag))));
        var committed = await CommitAsync(zunyi, checkedPage);
        Assert.NotNull(committed.Document.QuerySelector("[data-testid=committed]"));
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Institutions.CountAsync(i => i.Name.EndsWith(tag))));
        // A second press of the same commit records nothing more.
        await CommitAsync(zunyi, checkedPage);
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Institutions.CountAsync(i => i.Name.EndsWith(tag))));
        var batch = await portal.WithDatabaseAsync(db => db.ImportBatches.OrderByDescending(b => b.UploadedAt).FirstAsync());
        Assert.Equal(("批量.csv", 2, 0), (batch.FileName, batch.New, batch.Refused));
        Assert.Equal(64, batch.Sha256.Length);
        Assert.Null(batch.Content);
        var history = await portal.WithDatabaseAsync(db => db.History.CountAsync(h => h.RecordType == "Organisation"
            && db.Institutions.Any(i => i.Id == h.RecordId && i.Name.EndsWith(tag))));
        Assert.Equal(2, history);
        // Another user does not see the batch.
        using var other = await portal.SignedInAsync("hunan.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Import?handler=Report&batch={batch.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    public static TheoryData<string, string, string> HostileFiles() => new()
    {
        { "pdf", "协议.xlsx", "不是平台可读取的表格" },
        { "macros", "宏.xlsm", "包含宏" },
        { "vba", "宏.xlsx", "包含宏" },
        { "encrypted", "加密.xlsx", "密码保护" },
        { "old", "旧版.xls", "旧版工作簿" },
        { "bomb", "炸弹.xlsx", "压缩炸弹" },
        { "large", "大文件.csv", "超过 10 MB" },
        { "merged", "合并.xlsx", "合并单元格" },
        { "missing", "缺列.csv", "缺少列：办学性质" },
        { "empty", "空.csv", "该文件是空的" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_with_a_clear_message_and_nothing_is_kept(string kind, string fileName, string message)
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var batches = await portal.WithDatabaseAsync(db => db.ImportBatches.CountAsync());
        var page = await UploadAsync(zunyi, Hostile(kind), fileName);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, FileError(page), StringComparison.Ordinal);
        Assert.Equal(batches, await portal.WithDatabaseAsync(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task A_formula_is_read_as_its_stored_value_and_never_evaluated()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await UploadAsync(zunyi, Workbook(Headers.Split(','), [[$"公式校{tag}", null, null, "中等职业学校", "公办", "520302", null, null, null, null, "=1+1|1500"]]), "公式.xlsx");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 0", Summary(page));
        await CommitAsync(zunyi, page);
        Assert.Equal(1500, await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Name == $"公式校{tag}").Select(i => i.Enrolment).SingleAsync()));
    }

    [Fact]
    public async Task The_template_has_the_headers_drop_downs_and_instructions()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var bytes = await zunyi.Http.GetByteArrayAsync("/Import?handler=Template", TestContext.Current.CancellationToken);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["数据", "填写说明", "选项"], sheets.Select(s => s.Name!.Value));
        var data = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
        // The website came later: files without its column still import (every optional column may be left out).
        Assert.Equal([.. Headers.Split(','), "网站"], data.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(2, data.Worksheet.Descendants<DataValidation>().Count()); // kind and ownership
        // The template itself imports: headers only, no rows, nothing to record.
        var empty = await UploadAsync(zunyi, bytes, "模板.xlsx");
        Assert.Equal("新增 0 · 更新 0 · 未变 0 · 拒绝 0", Summary(empty));
        Assert.NotNull(empty.Document.QuerySelector("[data-testid=nothing-to-record]"));
        Assert.Null(empty.Document.QuerySelector("[data-testid=commit]"));
    }

    private static byte[] Hostile(string kind) => kind switch
    {
        "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"),
        "macros" => Workbook(Headers.Split(','), []),
        "vba" => WithEntry(Workbook(Headers.Split(','), []), "xl/vbaProject.bin", new byte[100]),
        "encrypted" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[512]],
        "old" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]],
        "bomb" => WithEntry(Workbook(Headers.Split(','), []), "xl/media/padding.bin", new byte[300 * 1024 * 1024]),
        "large" => [.. Csv(), .. new byte[11 * 1024 * 1024]],
        "merged" => Merged(Workbook(Headers.Split(','), [])),
        "missing" => Encoding.UTF8.GetBytes("名称,类型,地区代码\r\n某校,中等职业学校,520302\r\n"),
        _ => [],
    };

    /// <summary>A workbook with a header row and rows; a cell "=formula|value" is a formula with its stored value.</summary>
    private static byte[] Workbook(string[] headers, string?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (cells, r) in new[] { headers.Cast<string?>().ToArray() }.Concat(rows).Select((c, i) => (c, (uint)i + 1)))
            {
                var row = new Row { RowIndex = r };
                foreach (var (value, c) in cells.Select((v, i) => (v, i)))
                {
                    var reference = VocEdAlliance.Web.Summaries.TableExport.Column(c) + r;
                    if (value is null)
                    {
                        continue;
                    }
                    row.Append(value.StartsWith('=') && value.Split('|') is [var formula, var stored]
                        ? new Cell { CellReference = reference, CellFormula = new CellFormula(formula[1..]), CellValue = new CellValue(stored) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "数据" });
        }
        return stream.ToArray();
    }

    private static byte[] Merged(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.First();
            part.Worksheet.InsertAfter(new MergeCells(new MergeCell { Reference = "A1:B1" }), part.Worksheet.GetFirstChild<SheetData>());
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static byte[] WithEntry(byte[] workbook, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }
}
