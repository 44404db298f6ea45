using UglyToad.PdfPig;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>An agreement's PDF carries its parties, terms and hash, and a QR code whose address says whether every
/// party confirmed exactly that version and whether it is in force; a copy of terms changed since is not confirmed.</summary>
public sealed class AgreementPrintTests(PortalFixture portal)
{
    [Fact]
    public async Task The_PDF_code_verifies_the_confirmed_version_and_reports_a_changed_one_as_not_confirmed()
    {
        var zunyiSchool = await portal.CreateInstitutionAsync("520302", "打印甲校");
        var shanghaiSchool = await portal.CreateInstitutionAsync("310116", "打印乙校");
        var recorder = (await portal.CreateUserAsync(Roles.BureauStaff)).Id;
        var title = $"打印核验 {Guid.NewGuid():N}"[..13];
        var id = await portal.WithDatabaseAsync(async db =>
        {
            PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, "王强", "校长", new DateOnly(2024, 9, 1));
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, title, "HZ-2024-07", null,
                [Party(zunyiSchool), Party(shanghaiSchool)], new DateOnly(2024, 9, 1), null, [CooperationMode.TeacherTraining], "机电一体化", null),
                null, AccessKeys.ForJurisdiction("520300"), DateTimeOffset.UtcNow, recorder);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation,
            await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        var (text, firstCode) = await PdfAsync(zunyi, id);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(zunyiSchool.Name, text, StringComparison.Ordinal);
        Assert.Contains(shanghaiSchool.Name, text, StringComparison.Ordinal);
        Assert.Contains("机电一体化", text, StringComparison.Ordinal);
        var hash = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.TermsHash).SingleAsync());
        Assert.Contains(hash, text, StringComparison.Ordinal);
        Assert.Equal($"/Agreements/Verify/{id}?h={hash}", new Uri(firstCode).PathAndQuery);
        Assert.Equal("not-confirmed", await VerdictAsync(zunyi, firstCode)); // Shanghai has not confirmed yet

        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleAsync(a => a.Id == id);
            stored.Confirm(AccessKeys.ForJurisdiction("310000"), recorder, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("in-force", await VerdictAsync(zunyi, firstCode));
        var (_, confirmedCode) = await PdfAsync(zunyi, id);
        Assert.Equal(firstCode, confirmedCode); // the same version, the same code

        // Zunyi changes the terms: its side confirms the new version by editing, Shanghai's has not.
        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleAsync(a => a.Id == id);
            stored.ChangeTerms(new AgreementTerms(stored.Kind, stored.Title, stored.Number, null,
                [.. stored.Parties.Select(p => new PartyTerms(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode,
                    p.SignatoryName, p.SignatoryTitle, p.SignedOn))],
                stored.EffectiveFrom, new DateOnly(2027, 8, 31), stored.Modes, stored.Specialties, null),
                AccessKeys.ForJurisdiction("520300"), recorder, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("superseded", await VerdictAsync(zunyi, firstCode));
        var (_, changedCode) = await PdfAsync(zunyi, id);
        Assert.NotEqual(firstCode, changedCode);
        Assert.Equal("not-confirmed", await VerdictAsync(zunyi, changedCode));

        // Someone outside the jurisdiction holding the paper gets the verdict, and nothing else.
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var outside = await hunan.GetAsync(new Uri(firstCode).PathAndQuery);
        Assert.Equal("superseded", outside.Document.QuerySelector("[data-testid=verdict]")!.GetAttribute("data-verdict"));
        Assert.DoesNotContain(title, outside.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(shanghaiSchool.Name, outside.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hunan.GetAsync($"/Agreements/{id}?handler=Pdf")).Status);

        // A code with one character changed names no version at all.
        var tampered = firstCode[..^1] + (firstCode[^1] == '0' ? '1' : '0');
        Assert.Equal("unknown", await VerdictAsync(zunyi, tampered));
        Assert.Equal("unknown", await VerdictAsync(zunyi, $"/Agreements/Verify/{id}?h=%3Cscript%3E"));
    }

    private static async Task<string> VerdictAsync(PortalSession session, string code)
    {
        var page = await session.GetAsync(code.StartsWith("http", StringComparison.Ordinal) ? new Uri(code).PathAndQuery : code);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelector("[data-testid=verdict]")!.GetAttribute("data-verdict")!;
    }

    private static readonly Dictionary<DecodeHintType, object> PureBarcode = new() { [DecodeHintType.PURE_BARCODE] = true };

    /// <summary>The PDF's text (all pages) and what its QR code says, decoded from the image in the file.</summary>
    private static async Task<(string Text, string Code)> PdfAsync(PortalSession session, Guid id)
    {
        using var response = await session.Http.GetAsync($"/Agreements/{id}?handler=Pdf", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
        Assert.True(image.TryGetBytesAsMemory(out var pixels));
        var source = new RGBLuminanceSource(pixels.ToArray(), image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.RGB24);
        // The image is the code as drawn, not a photograph of it: read as such. (Without the hint, ZXing's finder
        // misses about one code in sixty of this size, whatever the content.)
        var code = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), PureBarcode);
        Assert.NotNull(code);
        return (text, code.Text);
    }
}
