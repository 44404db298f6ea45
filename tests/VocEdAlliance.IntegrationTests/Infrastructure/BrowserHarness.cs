using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>The portal on real Kestrel (127.0.0.1, a free port) and Debian's Chromium driven by Playwright. No browser
/// is ever downloaded: scripts/test installs Debian's chromium and passes its path in CHROMIUM_PATH.</summary>
public sealed class BrowserHarness : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private static readonly Lazy<string> AxeSource =
        new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));

    private readonly PortalFactory factory;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserHarness(PortalFactory factory, Uri portal, IPlaywright playwright, IBrowser browser)
    {
        this.factory = factory;
        Portal = portal;
        this.playwright = playwright;
        this.browser = browser;
    }

    public Uri Portal { get; }

    /// <summary>Every request the browser made to a host other than the portal: must stay empty.</summary>
    public ConcurrentQueue<string> ForeignRequests { get; } = new();

    /// <summary>Errors the pages reported (console errors such as a refused script or style, uncaught exceptions):
    /// must stay empty.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    public static async Task<BrowserHarness> StartAsync(string connectionString)
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {executable}. Run the tests with scripts/test, which installs Debian's chromium.");
        }
        var factory = new PortalFactory(connectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var portal = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserHarness(factory, portal, playwright, browser);
    }

    /// <summary>A fresh browser profile (no cookies) at the given window size, watching for foreign requests.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // an English browser: the portal must still default to Chinese
            // The portal's Content-Security-Policy applies, as for users: a script or style it blocks fails the journey.
        });
        context.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is not ("data" or "blob") && (url.Host != Portal.Host || url.Port != Portal.Port))
            {
                ForeignRequests.Enqueue(request.Url);
            }
        };
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                PageErrors.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Enqueue($"{page.Url}: {error}");
        return page;
    }

    /// <summary>Runs axe-core (WCAG 2 A and AA) on the page and returns its serious and critical violations.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource.Value + "\n;true");
        }
        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
    }

    /// <summary>Saves a screenshot as a test artifact (artifacts/screenshots/NAME.png).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder("screenshots"), name + ".png"), FullPage = true });
    }

    /// <summary>A folder of test artifacts (artifacts/NAME under the repository when run by scripts/test).</summary>
    public static string ArtifactsFolder(string name)
    {
        var folder = Path.Combine(
            Environment.GetEnvironmentVariable("VOCED_TEST_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "artifacts"),
            name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
    }
}
