using System.Net;
using System.Text.Json;
using VocEdAlliance.IntegrationTests.Infrastructure;

namespace VocEdAlliance.IntegrationTests.Platform;

public class HealthTests(PortalFixture portal)
{
    [Fact]
    public async Task Liveness_answers_healthy_without_signing_in()
    {
        using var session = portal.NewSession();

        var response = await session.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database_reachable_and_migrated()
    {
        using var session = portal.NewSession();

        var response = await session.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
