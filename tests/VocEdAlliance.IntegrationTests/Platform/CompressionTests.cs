using System.Net.Http.Headers;

namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>Pages and data go compressed; static assets carry a fingerprint in their name and are cached for a year.</summary>
public class CompressionTests(PortalFixture portal)
{
    [Fact]
    public async Task Pages_go_compressed_and_every_asset_they_load_is_fingerprinted_and_cached_for_a_year()
    {
        using var session = portal.NewSession();
        await session.SignInAsync("ministry@demo.local", DemoAccounts.Password);
        var page = await session.GetAsync("/Summaries");

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Summaries");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await session.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
        var assets = page.Document.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Append(page.Document.QuerySelector("#summary-chart-data")!.GetAttribute("data-echarts")!)
            .ToList();
        Assert.Contains(assets, a => a.Contains("echarts", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            // site.04npp4o1g5.css: the name changes whenever the content does, so a year's cache is safe.
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", asset);
            // (The precompressed copies are checked on the published portal: the test host serves them from the build's
            // intermediate folder.)
            using var response = await session.Http.GetAsync(asset, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        }
    }
}
