using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;
using VocEdAlliance.Web.Domain.Regions;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A ministry official opens the summaries, filters by years and macro zone, drills from the map into a
/// province, and exports the table as XLSX and CSV: both files hold what the page shows.</summary>
public sealed class SummaryJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task The_ministry_filters_drills_from_the_map_and_exports_what_it_sees(string language, string size)
    {
        var journey = await StartJourneyAsync("summaries", language, size);
        var page = journey.Page;
        await journey.SignInAsync("ministry@demo.local");
        await journey.CheckpointAsync("ministry-home");

        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Home.OpenSummaries"), Exact = true }).ClickAsync();
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#china-map canvas").First).ToBeVisibleAsync();
        await journey.CheckpointAsync("summaries");
        var national = await page.GetByTestId("headline-activities").Locator("dd").TextContentAsync();

        // Guizhou chosen: the sentence, the map and every panel follow.
        var province = page.GetByLabel(journey.T("Summary.Province"), new() { Exact = true });
        await province.SelectOptionAsync("52");
        var guizhou = (await province.Locator("option:checked").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Filter"), Exact = true }).ClickAsync();
        await page.ArrivedAsync(url => url.Contains("province=52", StringComparison.Ordinal));
        await Expect(page.GetByTestId("summary-sentence")).ToContainTextAsync(guizhou);
        await Expect(page.Locator("#heading-map")).ToHaveTextAsync(journey.T("Summary.Map.ProvinceTitle", guizhou));
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#china-map canvas").First).ToBeVisibleAsync();
        foreach (var pair in await page.GetByTestId("summary-provinces").Locator("tbody tr").AllTextContentsAsync())
        {
            Assert.Contains(guizhou, pair, StringComparison.Ordinal);
        }
        await Expect(page.GetByTestId("summary-alliances")).Not.ToContainTextAsync("郴州");
        Assert.NotEqual(national, await page.GetByTestId("headline-activities").Locator("dd").TextContentAsync());
        await journey.CheckpointAsync("summaries-guizhou");
        await page.GetByTestId("map-breadcrumb").GetByRole(AriaRole.Link, new() { Name = journey.T("Summary.Scope.Country"), Exact = true }).ClickAsync();
        await page.ArrivedAsync(url => !url.Contains("province=", StringComparison.Ordinal));

        await page.GetByLabel(journey.T("Summary.FromYear"), new() { Exact = true }).FillAsync("2016");
        await page.GetByLabel(journey.T("Summary.ToYear"), new() { Exact = true }).FillAsync("2026");
        await page.GetByLabel(journey.T("Summary.Zone"), new() { Exact = true }).SelectOptionAsync(nameof(MacroZone.West));
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Filter"), Exact = true }).ClickAsync();
        await page.ArrivedAsync(url => url.Contains("zone=West", StringComparison.Ordinal) && url.Contains("from=2016", StringComparison.Ordinal));
        await Expect(page.GetByLabel(journey.T("Summary.Zone"), new() { Exact = true })).ToHaveValueAsync(nameof(MacroZone.West));
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#china-map canvas").First).ToBeVisibleAsync();

        // A point in western Yunnan (Dali) on the map chooses Yunnan for every panel and drills the by-region table into
        // it, keeping the filters. No other test writes to Yunnan, so the page and the files it exports can be compared
        // figure by figure.
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        await ClickDaliAsync(page, url => url.Contains("province=53", StringComparison.Ordinal) && url.Contains("region=53", StringComparison.Ordinal)
                                           && url.Contains("zone=West", StringComparison.Ordinal));
        var yunnan = (await province.Locator("option:checked").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("summary-sentence")).ToContainTextAsync(yunnan);
        await Expect(page.Locator("#heading-map")).ToHaveTextAsync(journey.T("Summary.Map.ProvinceTitle", yunnan));
        var regions = page.GetByTestId("summary-regions");
        await Expect(regions).ToContainTextAsync("大理白族自治州");
        await journey.CheckpointAsync("summaries-yunnan");

        // Hovering Dali on Yunnan's own map: its name and its figures, with their units, in the user's language.
        await page.Locator("#china-map").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#china-map canvas").First).ToBeVisibleAsync();
        var unit = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(journey.T("Summary.Map.Agreements", 0)).Replace("0", @"[\d,]+", StringComparison.Ordinal));
        for (var attempt = 1; ; attempt++)
        {
            var (x, y) = await DaliAsync(page);
            await page.Mouse.MoveAsync(x - 3, y - 3);
            await page.Mouse.MoveAsync(x, y);
            try
            {
                await Expect(page.Locator("#china-map div").Filter(new() { HasTextRegex = unit }).First).ToBeVisibleAsync(new() { Timeout = 3000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The map was still settling: move again, as a person would.
            }
            catch (PlaywrightException problem)
            {
                var dom = await page.EvaluateAsync<string>("() => document.getElementById('china-map').innerHTML.substring(0, 1500)");
                throw new InvalidOperationException($"at {x},{y}: {dom}", problem);
            }
        }
        await Expect(page.Locator("#china-map div").Filter(new() { HasTextRegex = unit }).First).ToContainTextAsync("大理");

        var shown = await regions.Locator("table").EvaluateAsync<string[][]>(
            "t => [...t.rows].map(r => [...r.cells].map(c => c.textContent.trim()))");
        foreach (var format in new[] { "xlsx", "csv" })
        {
            // The link says the file is being prepared until it arrives.
            await page.RouteAsync(url => url.Contains("handler=Export", StringComparison.Ordinal), async route =>
            {
                await Task.Delay(800);
                await route.ContinueAsync();
            });
            var download = await page.RunAndWaitForDownloadAsync(async () =>
            {
                await page.GetByTestId($"export-regions-{format}").ClickAsync();
                await Expect(page.GetByTestId($"export-regions-{format}")).ToHaveTextAsync(journey.T("Summary.Exporting"));
            });
            await page.UnrouteAllAsync();
            Assert.EndsWith("." + format, download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains(journey.T("Summary.Table.regions"), download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains(yunnan, download.SuggestedFilename, StringComparison.Ordinal);
            var saved = Path.Combine(BrowserHarness.ArtifactsFolder("downloads"), $"regions-{language}-{size}.{format}");
            await download.SaveAsAsync(saved);
            await using var file = File.OpenRead(saved);
            var rows = format == "csv" ? ReadCsv(file) : await ReadXlsxAsync(file);
            // The file says what it is (the panel; the filters and the day), then holds the same headers in the user's
            // language, the same regions in the same order, the same figures.
            Assert.Equal(journey.T("Summary.Table.regions"), rows[0][0]);
            Assert.Contains(yunnan, rows[1][0], StringComparison.Ordinal);
            Assert.Equal(Lines(shown), Lines(rows.SkipWhile(r => r[0] != shown[0][0])));
            await Expect(page.GetByTestId($"export-regions-{format}")).ToHaveTextAsync(format.ToUpperInvariant());
        }
        Assert.Contains(shown, r => r[0].EndsWith("大理白族自治州", StringComparison.Ordinal));

        journey.AssertClean();
    }

    /// <summary>Where Dali (western Yunnan) is drawn on the map now (the map may still be settling on a phone).</summary>
    private static async Task<(float X, float Y)> DaliAsync(IPage page)
    {
        var box = (await page.Locator("#china-map").BoundingBoxAsync())!;
        var point = await page.EvaluateAsync<double[]>(
            "() => echarts.getInstanceByDom(document.getElementById('china-map')).convertToPixel({ geoIndex: 0 }, [100.2, 25.6])");
        return (box.X + (float)point[0], box.Y + (float)point[1]);
    }

    private static async Task ClickDaliAsync(IPage page, Func<string, bool> arrived)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (x, y) = await DaliAsync(page);
            await page.Mouse.ClickAsync(x, y);
            try
            {
                await page.ArrivedAsync(arrived, timeoutMs: 5000);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // A click while the map was still animating: click again, as a person would.
            }
        }
    }

    private static List<string> Lines(IEnumerable<string[]> rows) => [.. rows.Select(r => string.Join(" | ", r.Select(Number)))];

    private static string Number(string cell) =>
        decimal.TryParse(cell.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.##########", CultureInfo.InvariantCulture) : cell;

    private static List<string[]> ReadCsv(Stream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            // The portal quotes every text cell; none of these hold commas or quotes.
            rows.Add([.. line.Split(',').Select(c => c.Trim('"'))]);
        }
        return rows;
    }

    private static async Task<List<string[]>> ReadXlsxAsync(Stream file)
    {
        var sheet = await file.QueryAsync(useHeaderRow: false, cancellationToken: TestContext.Current.CancellationToken);
        return [.. sheet.Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToArray())];
    }
}
