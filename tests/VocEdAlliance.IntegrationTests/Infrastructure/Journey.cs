using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VocEdAlliance.Web.Resources;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>One run of a user journey in real Chromium, in one language and at one window size. Every page the journey
/// stops at (<see cref="CheckpointAsync"/>) is audited: axe-core finds no serious or critical violation, the page is in
/// the run's language, nothing is wider than the screen, cut off or overlapping, and a screenshot is saved. The run
/// ends with <see cref="AssertClean"/>, which also fails if the browser asked any host other than the portal or a page
/// reported an error (a script or style refused by the portal's CSP included).</summary>
public sealed partial class Journey
{
    private static readonly ResourceManager Resources = new("VocEdAlliance.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Every journey runs in both languages at both sizes.</summary>
    public static TheoryData<string, string> Runs => new()
    {
        { "zh-CN", "desktop" }, { "zh-CN", "phone" }, { "en", "desktop" }, { "en", "phone" },
    };

    private readonly BrowserHarness browser;
    private readonly string name;
    private readonly List<string> problems = [];
    private int step;

    private Journey(BrowserHarness browser, string name, string language, string size)
    {
        this.browser = browser;
        this.name = name;
        Language = language;
        Size = size;
        Culture = new CultureInfo(language == "en" ? "en" : "zh-CN");
    }

    public string Language { get; }

    /// <summary>"desktop" (1366×768) or "phone" (390×844).</summary>
    public string Size { get; }

    public bool OnPhone => Size == "phone";

    public CultureInfo Culture { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>A new short suffix that keeps this run's records apart from the other runs' in the shared database.</summary>
    public string NewTag() => $"{(Language == "en" ? "E" : "中")}{(OnPhone ? "P" : "D")}{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Journey> StartAsync(BrowserHarness browser, string name, string language, string size)
    {
        var journey = new Journey(browser, name, language, size);
        await journey.NewPersonAsync();
        return journey;
    }

    /// <summary>Another person at another browser (fresh profile, same language and size) takes over the journey.</summary>
    public async Task NewPersonAsync() =>
        Page = OnPhone ? await browser.NewPageAsync(390, 844) : await browser.NewPageAsync(1366, 768);

    /// <summary>The portal's text for a resource key in this run's language.</summary>
    public string T(string key, params object[] args)
    {
        var text = Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"No resource {key}.");
        return args.Length == 0 ? text : string.Format(Culture, text, args);
    }

    public string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => T($"{typeof(TEnum).Name}.{value}");

    /// <summary>Opens the sign-in page, picks the run's language the way a user would (the portal starts in Chinese),
    /// and signs in.</summary>
    public async Task SignInAsync(string email, string password = DemoAccounts.Password, bool expectSuccess = true)
    {
        await Page.OpenAsync("/Account/SignIn");
        await ChooseLanguageAsync();
        await Page.GetByLabel(T("Field.Email")).FillAsync(email);
        await Page.GetByLabel(T("Field.Password"), new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = T("SignIn.Submit"), Exact = true }).ClickAsync();
        if (expectSuccess)
        {
            // In full runs on 2026-12-02 a sign-in sometimes stayed on the sign-in page with the network idle: the press
            // was lost (or the fields were). The cause is not found (see the closing note). When the form is still there
            // after 20 s, fill it again and submit with Enter; otherwise the sign-in is under way: keep waiting.
            try
            {
                await Page.ArrivedAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), timeoutMs: 20_000);
            }
            catch (TimeoutException)
            {
                var field = Page.GetByLabel(T("Field.Email"));
                if (Page.Url.Contains("/Account/SignIn", StringComparison.Ordinal) && await field.IsVisibleAsync())
                {
                    // What the page says (a refusal, a throttle, nothing) and where it is (a ReturnUrl means the sign-in
                    // went through and the next page sent the browser back: a session ended by another test).
                    var alerts = string.Join(" | ", await Page.GetByRole(AriaRole.Alert).AllInnerTextsAsync());
                    Console.WriteLine($"sign-in as {email}: still on the sign-in page after 20 s at {Page.Url} (alerts: {alerts}); submitting again");
                    await field.FillAsync(email);
                    var secret = Page.GetByLabel(T("Field.Password"), new() { Exact = true });
                    await secret.FillAsync(password);
                    await secret.PressAsync("Enter");
                }
                await Page.ArrivedAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), timeoutMs: 60_000);
            }
        }
    }

    /// <summary>Clicks the language button in the header (on a phone, after unfolding the navigation).</summary>
    public async Task ChooseLanguageAsync()
    {
        var expected = Language == "en" ? "en" : "zh-CN";
        if (await Page.Locator("html").GetAttributeAsync("lang") == expected)
        {
            return;
        }
        await OpenNavigationAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = Language == "en" ? "English" : "中文", Exact = true }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", expected);
        await Page.LoadedAsync();
    }

    /// <summary>On a phone the header folds away behind the menu button: unfold it (a no-op on a desktop).</summary>
    public async Task OpenNavigationAsync()
    {
        await Page.LoadedAsync(); // the menu needs Bootstrap's script, loaded last
        var toggler = Page.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync() && await toggler.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggler.ClickAsync();
            await Expect(Page.Locator("#main-nav")).ToHaveClassAsync(new Regex(@"\bshow\b"));
        }
    }

    /// <summary>Signs out through the user menu in the header.</summary>
    public async Task SignOutAsync()
    {
        await OpenNavigationAsync();
        await Page.GetByTestId("signed-in-user").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = T("Layout.SignOut"), Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/SignIn$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("SignIn.SignedOut"));
    }

    /// <summary>Audits the page the journey has reached and saves its screenshot.</summary>
    public async Task CheckpointAsync(string pageName)
    {
        await Page.LoadedAsync();
        var where = $"{pageName} ({Page.Url})";
        var lang = await Page.Locator("html").GetAttributeAsync("lang");
        if (lang != (Language == "en" ? "en" : "zh-CN"))
        {
            problems.Add($"{where}: the page is in {lang}, not {Language}");
        }
        problems.AddRange((await BrowserHarness.AccessibilityViolationsAsync(Page)).Select(v => $"{where}: {v}"));
        problems.AddRange((await LayoutProblemsAsync(Page)).Select(p => $"{where}: {p}"));
        await BrowserHarness.ScreenshotAsync(Page, $"{name}-{++step:00}-{pageName}-{Language}-{Size}");
    }

    /// <summary>What a person would see as broken layout: the page wider than the screen, a control or label cut off by
    /// its box, or two controls drawn over each other.</summary>
    public static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > window.innerWidth + 1) {
                problems.push(`the page is ${doc.scrollWidth}px wide on a ${window.innerWidth}px screen`);
              }
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"';
              const shown = e => {
                const r = e.getBoundingClientRect();
                const s = getComputedStyle(e);
                return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && e.closest('.visually-hidden, .visually-hidden-focusable, [hidden], datalist, .dropdown-menu:not(.show), .collapse:not(.show)') === null;
              };
              const controls = [...document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, label, h1, h2, th')].filter(shown);
              for (const e of controls) {
                const s = getComputedStyle(e);
                const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflow);
                if (clips && e.scrollWidth > e.clientWidth + 1 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) {
                  problems.push(`${describe(e)} is cut off`);
                }
              }
              const boxes = controls.filter(e => e.tagName !== 'LABEL' && e.tagName !== 'TH' && e.tagName !== 'H1' && e.tagName !== 'H2')
                .map(e => ({ e, r: e.getBoundingClientRect() }));
              for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i], b = boxes[j];
                  if (a.e.contains(b.e) || b.e.contains(a.e) || a.e.control === b.e || b.e.control === a.e) continue;
                  const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                  const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                  if (w > 3 && h > 3) problems.push(`${describe(a.e)} overlaps ${describe(b.e)}`);
                }
              }
              return problems.slice(0, 10);
            }
            """);

    /// <summary>Moves the focus with the Tab key alone until it reaches the target (fails if it never does) and checks the
    /// focus is visible there.</summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 120)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                var visible = await target.EvaluateAsync<bool>("""
                    e => { const s = getComputedStyle(e); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }
                    """);
                if (!visible)
                {
                    problems.Add($"{Page.Url}: the keyboard focus on {await target.EvaluateAsync<string>("e => e.outerHTML.slice(0, 80)")} is not visible");
                }
                return;
            }
        }
        throw new InvalidOperationException($"Tab never reached {target} on {Page.Url}.");
    }

    /// <summary>Tabs to a text field and types into it.</summary>
    public async Task TypeAsync(ILocator field, string text)
    {
        await TabToAsync(field);
        await Page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs to a drop-down and moves through its options with the arrow keys until the wanted one is chosen.</summary>
    public async Task ChooseAsync(ILocator select, string value)
    {
        await TabToAsync(select);
        for (var i = 0; i < 40 && await select.InputValueAsync() != value; i++)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.Equal(value, await select.InputValueAsync());
    }

    /// <summary>Tabs to a button, link or check box and presses it with the keyboard.</summary>
    public async Task PressAsync(ILocator control, string key = "Enter")
    {
        await TabToAsync(control);
        await Page.Keyboard.PressAsync(key);
    }

    /// <summary>Fails the journey on any problem the checkpoints found, or any request that left the portal.</summary>
    public void AssertClean()
    {
        var all = problems.Concat(browser.ForeignRequests.Select(r => "request to another host: " + r))
            .Concat(browser.PageErrors.Select(e => "page error: " + e)).ToList();
        if (all.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, all));
        }
    }
}
