using System.Text.RegularExpressions;

namespace VocEdAlliance.IntegrationTests.Platform;

public partial class LocalizationTests(PortalFixture portal)
{
    [Fact]
    public async Task The_portal_speaks_Chinese_by_default_even_to_an_English_browser()
    {
        using var session = portal.NewSession();
        session.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var signIn = await session.GetAsync("/Account/SignIn");

        Assert.Equal("zh-CN", signIn.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录 · 职教协作平台", signIn.Document.Title);
        Assert.Equal("电子邮箱", signIn.Document.QuerySelector("label[for=Input_Email]")?.TextContent);
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_characters_not_as_numeric_entities()
    {
        using var session = portal.NewSession();

        var signIn = await session.GetAsync("/Account/SignIn");
        var source = await signIn.Response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(">电子邮箱</label>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_portal_English_and_remembers_it()
    {
        using var session = portal.NewSession();
        var home = await session.SignInAsync("hunan.staff@demo.local", DemoAccounts.Password);

        var english = await session.SubmitAsync(home, "form[action='/Language']", submitter: ("culture", "en"));
        var later = await session.GetAsync("/Account/ChangePassword");

        Assert.Equal("/", english.Url.AbsolutePath);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welcome, 演示·湖南省教育厅工作人员", english.Text, StringComparison.Ordinal);
        Assert.Equal("Bureau staff", english.Document.QuerySelector("[data-testid=roles]")?.TextContent);
        Assert.Equal("Change password · VocEdAlliance", later.Document.Title);

        var chinese = await session.SubmitAsync(later, "form[action='/Language']", submitter: ("culture", "zh-CN"));
        Assert.Equal("/Account/ChangePassword", chinese.Url.AbsolutePath);
        Assert.Equal("修改密码 · 职教协作平台", chinese.Document.Title);
    }

    [Fact]
    public async Task Validation_messages_follow_the_chosen_language()
    {
        using var session = portal.NewSession();
        var signIn = await session.GetAsync("/Account/SignIn?culture=en");

        var page = await session.SubmitAsync(signIn, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "",
        });

        Assert.Equal("E-mail address is not a valid e-mail address.", page.FieldError("Input.Email"));
        Assert.Equal("Password is required.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task Dates_are_shown_as_year_month_day()
    {
        using var session = portal.NewSession();

        var home = await session.SignInAsync("ministry@demo.local", DemoAccounts.Password);

        Assert.Equal(System.Net.HttpStatusCode.OK, home.Status);
        Assert.Matches(IsoDate(), home.Text);
    }

    [GeneratedRegex(@"今天\s*\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
