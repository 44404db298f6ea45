
namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>The portal runs on intranets with no internet: every page loads only what the portal itself serves.</summary>
public class OfflineTests(PortalFixture portal)
{
    private static readonly string[] AnonymousPages = ["/Account/SignIn", "/Account/ForgotPassword", "/Status/404"];
    private static readonly string[] SignedInPages = ["/", "/Account/ChangePassword", "/Account/AccessDenied"];

    [Fact]
    public async Task No_page_refers_to_another_host_and_every_asset_it_refers_to_is_served()
    {
        using var session = portal.NewSession();
        var pages = new List<PortalPage>();
        foreach (var url in AnonymousPages)
        {
            pages.Add(await session.GetAsync(url));
        }
        await session.SignInAsync("admin@demo.local", DemoAccounts.Password);
        foreach (var url in SignedInPages)
        {
            pages.Add(await session.GetAsync(url));
        }

        foreach (var page in pages)
        {
            var references = page.Document.QuerySelectorAll("[src], link[href], script[src], img[src], form[action]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? e.GetAttribute("action")!)
                .ToList();
            Assert.NotEmpty(references);
            foreach (var reference in references)
            {
                var target = new Uri(page.Url, reference);
                Assert.True(target.Host == page.Url.Host, $"{page.Url.AbsolutePath} refers to {reference}");
                if (reference.Contains("/lib/", StringComparison.Ordinal) || reference.Contains("/css/", StringComparison.Ordinal) || reference.EndsWith(".svg", StringComparison.Ordinal))
                {
                    var asset = await session.Http.GetAsync(target, TestContext.Current.CancellationToken);
                    Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{reference} on {page.Url.AbsolutePath} answered {asset.StatusCode}");
                }
            }
        }
    }

    [Fact]
    public async Task Pages_tell_the_browser_to_load_nothing_from_other_hosts()
    {
        using var session = portal.NewSession();

        var signIn = await session.GetAsync("/Account/SignIn");

        var policy = string.Join(";", signIn.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
    }
}
