using System.Text.Json;

namespace VocEdAlliance.IntegrationTests.Platform;

public class HealthTests(PortalFixture portal)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> AnonymousGetAsync(string path)
    {
        using var session = portal.NewSession();
        var response = await session.Http.GetAsync(path, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Liveness_answers_healthy_without_signing_in()
    {
        var (status, body) = await AnonymousGetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database_reachable_and_migrated()
    {
        var (status, body) = await AnonymousGetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
