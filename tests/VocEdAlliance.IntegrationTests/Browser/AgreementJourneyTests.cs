using System.Text;
using Microsoft.Playwright;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>Zunyi's bureau records a new school and, with the keyboard alone, a pairing of it with a Shanghai school,
/// finding the Shanghai school in the partner directory by a fragment of its name, uploads the signed scan and sees it pending; Shanghai's bureau signs in, confirms, and the pairing is active.</summary>
public sealed class AgreementJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task A_bureau_records_a_pairing_by_keyboard_and_the_counterpart_confirms_it(string language, string size)
    {
        var journey = await StartJourneyAsync("agreement", language, size);
        var page = journey.Page;
        var tag = journey.NewTag();
        var school = $"遵义汇川{tag}职业学校";
        var title = $"汇川—石化结对 {tag}";

        await journey.SignInAsync("zunyi.staff@demo.local");
        await journey.CheckpointAsync("bureau-home");

        // A new school in the bureau's own jurisdiction; the region is picked from the portal's suggestions.
        await page.OpenAsync("/Institutions");
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Institutions.Create.Title"), Exact = true }).ClickAsync();
        await page.GetByLabel(journey.T("Field.Name"), new() { Exact = true }).FillAsync(school);
        await page.GetByLabel(journey.T("Field.InstitutionKind"), new() { Exact = true }).SelectOptionAsync(nameof(InstitutionKind.SecondaryVocationalSchool));
        await page.GetByLabel(journey.T("Field.Ownership"), new() { Exact = true }).SelectOptionAsync(nameof(Ownership.Public));
        var region = page.GetByLabel(journey.T("Field.Region"), new() { Exact = true });
        await region.PressSequentiallyAsync("汇川");
        await Expect(page.Locator("#region-suggestions option[value^='520303']")).ToHaveCountAsync(1);
        await region.FillAsync((await page.Locator("#region-suggestions option[value^='520303']").GetAttributeAsync("value"))!);
        await journey.CheckpointAsync("institution-form");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Institutions.Created", school));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(school);
        await journey.CheckpointAsync("institution-created");

        // The agreement form, completed with the keyboard alone: Tab, typing, arrow keys, Space and Enter.
        await page.OpenAsync("/Agreements");
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Agreements.Create.Title"), Exact = true }).ClickAsync();
        await journey.CheckpointAsync("agreement-form");
        await journey.ChooseAsync(page.GetByLabel(journey.T("Field.AgreementKind"), new() { Exact = true }), nameof(AgreementKind.Pairing));
        await journey.TypeAsync(page.GetByLabel(journey.T("Field.Title"), new() { Exact = true }), title);
        await journey.TypeAsync(page.GetByLabel(journey.T("Field.EffectiveFrom"), new() { Exact = true }), "2026-09-01");
        await journey.PressAsync(page.GetByLabel(journey.Enum(CooperationMode.TeacherTraining)), "Space");
        await journey.PressAsync(page.GetByLabel(journey.Enum(CooperationMode.StudentExchange)), "Space");
        await journey.TypeAsync(page.GetByLabel(journey.T("Field.Specialties"), new() { Exact = true }), "机电一体化；数控技术");
        var first = page.Locator("#Input_Parties_0__Organisation");
        await journey.TypeAsync(first, school[..10]);
        // The portal suggests its organisations as the user types.
        await Expect(page.Locator("#organisation-suggestions option")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        Assert.Equal(school, await page.Locator("#organisation-suggestions option").First.GetAttributeAsync("value"));
        await page.Keyboard.TypeAsync(school[10..]);
        // The partner in Shanghai, which Zunyi's bureau cannot see, is found in the directory by a fragment of its name.
        var second = page.Locator("#Input_Parties_1__Organisation");
        await journey.TypeAsync(second, DemoOrganisations.Spa[2..8]);
        await Expect(page.Locator($"#organisation-suggestions option[value='{DemoOrganisations.Spa}']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await second.FillAsync(DemoOrganisations.Spa);
        await journey.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }));

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Agreements.Recorded", title));
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(journey.Enum(AgreementStatus.PendingCounterpartConfirmation));
        await Expect(page.GetByTestId("parties")).ToContainTextAsync(school);
        await Expect(page.GetByTestId("parties")).ToContainTextAsync(DemoOrganisations.Spa);
        await journey.CheckpointAsync("agreement-pending");

        // The signed scan, chosen and uploaded by keyboard; the button says the upload is under way until it is done.
        await page.RouteAsync(url => url.Contains("handler=Upload", StringComparison.Ordinal), async route =>
        {
            await Task.Delay(1000);
            await route.ContinueAsync();
        });
        var upload = page.GetByRole(AriaRole.Button, new() { Name = journey.T("Document.Upload"), Exact = true });
        var buttonTexts = new List<string>();
        await page.ExposeFunctionAsync("reportUploadButton", (string text) => buttonTexts.Add(text));
        await upload.EvaluateAsync("b => new MutationObserver(() => reportUploadButton(b.textContent.trim())).observe(b, { childList: true })");
        var fileInput = page.GetByLabel(journey.T("Document.Choose"));
        await journey.TabToAsync(fileInput);
        var scan = new FilePayload
        {
            Name = "signed-pairing.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        };
        IFileChooser? chooser = null;
        // Headless Chromium now and then drops a key press on a file input (a full run once lost both a Space and an Enter); a
        // person would press again, so the journey does, three times with the focus put back, before it gives up on
        // the keyboard and sets the file on the focused input (what the chooser would have done).
        foreach (var key in new[] { "Space", "Enter", "Space" })
        {
            try
            {
                chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync(key), new() { Timeout = 5000 });
                break;
            }
            catch (TimeoutException)
            {
                await fileInput.FocusAsync();
            }
        }
        if (chooser is not null)
        {
            await chooser.SetFilesAsync(scan);
        }
        else
        {
            await fileInput.SetInputFilesAsync(scan);
        }
        await journey.PressAsync(upload);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Document.Uploaded", "signed-pairing.pdf"));
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("signed-pairing.pdf");
        Assert.Contains(journey.T("Document.Uploading"), buttonTexts); // what the button said while the file went up
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(journey.Enum(AgreementStatus.PendingCounterpartConfirmation));
        await journey.CheckpointAsync("scan-uploaded");

        // Shanghai's bureau, the counterpart's side, finds it waiting on its home page and confirms exactly that text.
        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync("shanghai.staff@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Expect(page.GetByTestId("confirm-form")).ToBeVisibleAsync();
        await journey.CheckpointAsync("counterpart-review");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Agreement.Confirm"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Agreement.Confirmed"));
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(journey.Enum(AgreementStatus.Active));
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("signed-pairing.pdf");
        await journey.CheckpointAsync("agreement-active");

        // On paper: no navigation, buttons or upload form; the parties, their confirmations, the terms' hash and the
        // verification code are there (and the code is on paper only).
        await Expect(page.GetByTestId("print-verification")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = journey.T("Print.Print"), Exact = true })).ToBeHiddenAsync();
        await Expect(page.GetByTestId("pdf")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("upload-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("parties")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("parties")).ToContainTextAsync(journey.T("Agreement.ConfirmedOn", "\u0001").Split('\u0001')[0].Trim());
        await Expect(page.GetByTestId("print-verification").Locator("svg")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("print-verification")).ToContainTextAsync("/Agreements/Verify/");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        journey.AssertClean();
    }
}
