using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using VocEdAlliance.Web.Domain.Organisations;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>Zunyi's bureau downloads the institutions template, fills it in a spreadsheet, has it checked, fixes the
/// refused row, commits, and finds the institutions in the list.</summary>
public sealed class ImportJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task A_bureau_fills_the_template_fixes_a_refused_row_and_commits(string language, string size)
    {
        var journey = await StartJourneyAsync("import", language, size);
        var page = journey.Page;
        var tag = journey.NewTag();
        await journey.SignInAsync("zunyi.staff@demo.local");
        await page.OpenAsync("/Institutions");
        await page.GetByTestId("import").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(journey.T("Import.Title"));
        await journey.CheckpointAsync("import-page");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template").ClickAsync());
        var template = Path.Combine(BrowserHarness.ArtifactsFolder("downloads"), $"template-{language}-{size}.xlsx");
        await download.SaveAsAsync(template);
        string[] First(string enrolment) => [$"导入甲校{tag}", string.Empty, string.Empty, journey.Enum(InstitutionKind.SecondaryVocationalSchool),
            journey.Enum(Ownership.Public), "520302", string.Empty, string.Empty, string.Empty, "1999", enrolment];
        string[] second = [$"导入乙校{tag}", string.Empty, string.Empty, journey.Enum(InstitutionKind.TechnicianSchool),
            journey.Enum(Ownership.Private), "520303", string.Empty, string.Empty, string.Empty, string.Empty, "300"];
        var filled = Fill(template, $"filled-{language}-{size}.xlsx", First("很多"), second);

        await page.Locator("#import-file").SetInputFilesAsync(filled);
        await journey.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = journey.T("Import.Check"), Exact = true }));
        await Expect(page.GetByTestId("summary")).ToHaveTextAsync(journey.T("Import.Summary", 1, 0, 0, 1));
        await Expect(page.GetByTestId("refused").Locator("tr[data-row='2'] [data-testid=cell-problem]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("commit")).ToHaveCountAsync(0);
        await journey.CheckpointAsync("import-refused");

        var fixedFile = Fill(template, $"fixed-{language}-{size}.xlsx", First("850"), second);
        await page.Locator("#import-file").SetInputFilesAsync(fixedFile);
        // While the file goes up and is checked, a progress bar says how far it has got: every value it shows is noted.
        await page.EvaluateAsync("""
            () => {
              window.progressSeen = [];
              const box = document.getElementById('import-progress');
              new MutationObserver(() => window.progressSeen.push(box.getAttribute('aria-valuenow')))
                .observe(box, { attributes: true, attributeFilter: ['aria-valuenow'] });
            }
            """);
        await journey.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = journey.T("Import.Check"), Exact = true }));
        await Expect(page.GetByTestId("summary")).ToHaveTextAsync(journey.T("Import.Summary", 2, 0, 0, 0));
        var seen = await page.EvaluateAsync<string[]>("() => window.progressSeen");
        Assert.Contains(seen, v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 100);
        Assert.Equal("100", seen[^1]);
        await journey.PressAsync(page.GetByTestId("commit"));
        await Expect(page.GetByTestId("committed")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Import.Committed", 2, 0, 0));
        await journey.CheckpointAsync("import-committed");

        await page.OpenAsync("/Institutions?q=" + Uri.EscapeDataString(tag));
        await Expect(page.GetByTestId("results").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("results")).ToContainTextAsync($"导入甲校{tag}");
        journey.AssertClean();
    }

    /// <summary>The template with rows typed into its data sheet below the headers, as a spreadsheet program would.</summary>
    private static string Fill(string template, string name, params string[][] rows)
    {
        var path = Path.Combine(BrowserHarness.ArtifactsFolder("downloads"), name);
        File.Copy(template, path, overwrite: true);
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var data = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        var index = 2u;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = index };
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c].Length > 0)
                {
                    row.Append(new Cell
                    {
                        CellReference = VocEdAlliance.Web.Summaries.TableExport.Column(c) + index,
                        DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c])),
                    });
                }
            }
            data.Append(row);
            index++;
        }
        return path;
    }
}
