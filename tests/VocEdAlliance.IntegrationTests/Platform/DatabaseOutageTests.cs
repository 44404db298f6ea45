
namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>The portal talks to PostgreSQL through a proxy the test cuts and restores.</summary>
public sealed class DatabaseOutageTests(PortalFixture portal) : IAsyncLifetime
{
    private TcpProxy proxy = null!;
    private PortalFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        proxy = new TcpProxy(TestPostgres.Server().Port);
        factory = new PortalFactory(TestPostgres.ConnectionString(portal.DatabaseName, proxy.Port) + ";Timeout=5");
        _ = factory.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task While_the_database_is_unreachable_pages_answer_503_with_a_clear_message_and_recover_by_themselves()
    {
        using var session = new PortalSession(factory.CreateClient(new() { AllowAutoRedirect = false }));
        var signIn = await session.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, signIn.Status);

        proxy.Cut();
        var during = await session.SubmitAsync(signIn, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Email"] = "zunyi.staff@demo.local",
            ["Input.Password"] = DemoAccounts.Password,
        });
        var readyDuring = await session.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
        Assert.Contains("平台当前无法连接数据库", during.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", during.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", during.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);

        proxy.Restore();
        var after = await session.SignInAsync("zunyi.staff@demo.local", DemoAccounts.Password);
        var readyAfter = await session.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("演示·遵义市教育局工作人员", after.Document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_gets_503_while_the_database_is_away_and_is_still_signed_in_after()
    {
        // Found by scripts/failover: the error page's re-run of the request checked the session against the database
        // again, failed, and the user got a bare 500.
        using var session = new PortalSession(factory.CreateClient(new() { AllowAutoRedirect = false }));
        var home = await session.SignInAsync("zunyi.staff@demo.local", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, home.Status);

        proxy.Cut();
        var during = await session.GetAsync("/Agreements");
        proxy.Restore();
        var after = await session.GetAsync("/Agreements");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
        Assert.Contains("平台当前无法连接数据库", during.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("演示·遵义市教育局工作人员", after.Document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await proxy.DisposeAsync();
    }
}
