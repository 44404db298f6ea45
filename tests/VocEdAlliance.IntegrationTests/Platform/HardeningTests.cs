using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>A portal with low sign-in limits, on an empty database of its own, served by real Kestrel (whose request
/// limits the in-memory test server does not have).</summary>
public sealed class ThrottledPortal : IAsyncLifetime
{
    private readonly string database = TestPostgres.NewDatabaseName();

    public PortalFactory Factory { get; private set; } = null!;

    /// <summary>Where Kestrel serves it.</summary>
    public Uri Address { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new PortalFactory(TestPostgres.ConnectionString(database), seedDemo: false, new Dictionary<string, string>
        {
            ["RateLimits:SignInPerAccountPerMinute"] = "3",
            ["RateLimits:SignInPerAddressPerMinute"] = "12",
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
        Address = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }
}

/// <summary>Password guessing is slowed per e-mail address and per client address; answers carry the portal's
/// protective headers.</summary>
public sealed class HardeningTests(ThrottledPortal portal) : IClassFixture<ThrottledPortal>
{
    private PortalSession NewSession() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = portal.Address });

    [Fact]
    public async Task A_fourth_try_within_a_minute_on_one_address_is_refused_before_any_password_is_checked_and_the_rest_are_throttled()
    {
        using var session = NewSession();
        var email = $"nobody-{Guid.NewGuid():N}@test.local";

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add((await session.SignInAsync(email, "Wrong-Passw0rd-1")).Summary);
        }

        Assert.All(answers.Take(3), a => Assert.Contains("电子邮箱或密码不正确", a, StringComparison.Ordinal));
        Assert.Equal("该电子邮箱的登录尝试过于频繁，请一分钟后再试。", answers[3]);
        var statuses = new List<HttpStatusCode>();
        for (var request = 0; request < 12; request++)
        {
            statuses.Add((await session.Http.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Pages_say_what_the_browser_may_not_do_and_https_answers_ask_for_https_from_then_on()
    {
        using var plain = NewSession();
        using var throughProxy = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        // What a TLS-terminating nginx on this machine adds; trusted from loopback only.
        throughProxy.Headers.Add("X-Forwarded-Proto", "https");

        var overHttp = await plain.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var overHttps = await plain.Http.SendAsync(throughProxy, TestContext.Current.CancellationToken);

        Assert.Contains("camera=()", overHttp.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.False(overHttp.Headers.Contains("Server"), "Kestrel should not name itself");
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000", overHttps.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_35_MB_upload_reaches_the_page_instead_of_being_cut_off()
    {
        using var http = new HttpClient { BaseAddress = portal.Address };
        async Task<HttpStatusCode> PostAsync(int megabytes)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(new byte[megabytes * 1024 * 1024]), "file", "scan.pdf");
            return (await http.PostAsync("/Account/SignIn", form, TestContext.Current.CancellationToken)).StatusCode;
        }

        // Kestrel's own 30 MB default once cut a 35 MB scan off before the page could say "at most 20 MB".
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(35)); // read whole, then refused for its missing antiforgery token
    }
}
