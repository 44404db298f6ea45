using System.Net.Http.Headers;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class DocumentTests(PortalFixture portal)
{
    private static async Task<PortalPage> UploadAsync(PortalSession session, PortalPage page, string name, byte[] content)
    {
        var token = page.Document.QuerySelector("[data-testid=upload-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = page.Document.QuerySelector("[data-testid=upload-form]")!.GetAttribute("action")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        var response = await session.Http.PostAsync(new Uri(page.Url, action), form, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect
            ? await session.GetAsync(response.Headers.Location!.OriginalString)
            : new PortalPage(response.StatusCode, page.Url, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), response);
    }

    [Fact]
    public async Task A_signed_scan_is_uploaded_checked_by_content_and_downloadable_only_by_those_who_see_the_agreement()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var page = await zunyi.GetAsync($"/Agreements/{agreement.Id}");

        var fake = await UploadAsync(zunyi, page, "签字扫描件.pdf", "not really a pdf"u8.ToArray());
        Assert.Equal("该文件不是 PDF、JPEG 或 PNG 格式（无论文件名如何）。", fake.Document.QuerySelector("[data-valmsg-for=File]")?.TextContent);
        Assert.False(await portal.WithDatabaseAsync(db => db.Documents.AnyAsync(d => d.AgreementId == agreement.Id)));

        var pdf = "%PDF-1.7\n签字扫描件\n%%EOF"u8.ToArray();
        var uploaded = await UploadAsync(zunyi, page, "签字扫描件.pdf", pdf);
        var link = uploaded.Document.QuerySelector("[data-testid=documents] a")!.GetAttribute("href")!;
        var download = await zunyi.Http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(download.Headers.CacheControl?.NoStore, "a signed scan must not stay in a shared computer's cache");

        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await liuyang.Http.GetAsync(link, TestContext.Current.CancellationToken)).StatusCode);
        var history = await zunyi.GetAsync($"/History/agreement/{agreement.Id}");
        Assert.Contains("签字扫描件.pdf", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_that_reads_backwards_is_kept_as_it_really_is()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var page = await zunyi.GetAsync($"/Agreements/{agreement.Id}");

        await UploadAsync(zunyi, page, "C:\\扫描\\合同\u202Efdp.exe", "%PDF-1.7\n%%EOF"u8.ToArray());

        Assert.Equal("合同fdp.exe", await portal.WithDatabaseAsync(db => db.Documents.Where(d => d.AgreementId == agreement.Id).Select(d => d.FileName).SingleAsync()));
    }

    [Fact]
    public async Task A_file_over_20_MB_gets_the_size_message_next_to_the_field()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var page = await zunyi.GetAsync($"/Agreements/{agreement.Id}");
        var content = new byte[35 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(content);

        var refused = await UploadAsync(zunyi, page, "大文件.pdf", content);

        Assert.Contains("20 MB", refused.Document.QuerySelector("[data-valmsg-for=File]")?.TextContent, StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Documents.AnyAsync(d => d.AgreementId == agreement.Id)));
    }
}
