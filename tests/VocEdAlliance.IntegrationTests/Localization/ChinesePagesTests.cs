using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.IntegrationTests.Localization;

/// <summary>Every page a user reaches, shown in Chinese, contains none of the portal's English UI strings.</summary>
public partial class ChinesePagesTests(PortalFixture portal)
{
    /// <summary>The English text of every resource whose Chinese differs (short words like "PDF" left out).</summary>
    private static readonly string[] EnglishStrings = ReadEnglish();

    private static string[] ReadEnglish()
    {
        var resources = new ResourceManager("VocEdAlliance.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var chinese = resources.GetResourceSet(new CultureInfo("zh-CN"), true, false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        return [.. english.Where(e => chinese.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(s => s.Trim(' ', '.', ',', ':', '(', ')', '“', '”', '—', '→'))
            .Where(s => s.Length >= 8 && s.Contains(' ', StringComparison.Ordinal))
            .Distinct()];
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>Every page a signed-in administrator can reach, with records to show.</summary>
    private async Task<string[]> PagesAsync()
    {
        var (agreement, activity) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.Where(a => a.Name == "湘赣边职业教育发展联盟").Select(a => a.Id).SingleAsync());
        var school = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Name == DemoOrganisations.Honghuagang).Select(i => i.Id).SingleAsync());
        return
        [
            "/", "/Institutions", "/Institutions/Create", $"/Institutions/{school}", $"/Institutions/Edit/{school}",
            "/Agreements", "/Agreements/Create", $"/Agreements/{agreement.Id}", $"/Agreements/Edit/{agreement.Id}",
            $"/Agreements/Terminate/{agreement.Id}", $"/Agreements/Renew/{agreement.Id}", $"/Agreements/Archive/{agreement.Id}",
            "/Activities", $"/Activities/{activity.Id}", $"/Activities/Edit/{activity.Id}", $"/Activities/Archive/{activity.Id}", $"/Activities/Create?agreementId={agreement.Id}",
            "/Alliances", "/Alliances/Create", $"/Alliances/{alliance}", $"/Alliances/Edit/{alliance}",
            "/Summaries", "/Notifications", "/Admin/Users", "/Admin/Users/Create", $"/Plans/Edit?agreementId={agreement.Id}",
            $"/History/agreement/{agreement.Id}", "/Account/ChangePassword", "/no/such/page",
        ];
    }

    [Fact]
    public async Task No_page_in_Chinese_shows_an_English_UI_string()
    {
        var pages = await PagesAsync();
        using var admin = await portal.SignedInAsync("admin@demo.local");
        var leaks = new List<string>();
        foreach (var url in pages)
        {
            var text = (await admin.GetAsync(url)).Text;
            leaks.AddRange(EnglishStrings.Where(e => text.Contains(e, StringComparison.Ordinal)).Select(e => $"{url}: {e}"));
        }
        using var anonymous = portal.NewSession();
        foreach (var url in new[] { "/Account/SignIn", "/Account/ForgotPassword" })
        {
            var text = (await anonymous.GetAsync(url)).Text;
            leaks.AddRange(EnglishStrings.Where(e => text.Contains(e, StringComparison.Ordinal)).Select(e => $"{url}: {e}"));
        }

        Assert.NotEmpty(EnglishStrings);
        Assert.Empty(leaks);
    }

    private static readonly HashSet<string> TopLevelPages =
        ["/", "/Institutions", "/Agreements", "/Activities", "/Alliances", "/Summaries", "/Notifications", "/Admin/Users", "/Account/ChangePassword"];

    [Fact]
    public async Task Every_page_has_one_heading_a_title_naming_it_and_a_way_back()
    {
        using var admin = await portal.SignedInAsync("admin@demo.local");
        var problems = new List<string>();
        foreach (var url in await PagesAsync())
        {
            var page = await admin.GetAsync(url);
            var headings = page.Document.QuerySelectorAll("main h1");
            if (headings.Length != 1)
            {
                problems.Add($"{url}: {headings.Length} level-one headings");
            }
            var title = page.Document.Title ?? string.Empty;
            if (!title.EndsWith(" · 职教协作平台", StringComparison.Ordinal) || title.Length <= " · 职教协作平台".Length)
            {
                problems.Add($"{url}: title \"{title}\"");
            }
            var nested = !TopLevelPages.Contains(url) && !url.StartsWith("/no/", StringComparison.Ordinal);
            if (nested && page.Document.QuerySelector("main nav .breadcrumb a[href]") is null)
            {
                problems.Add($"{url}: no breadcrumb back to its list");
            }
        }
        Assert.Empty(problems);
    }
}
