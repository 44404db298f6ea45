using VocEdAlliance.IntegrationTests.Api;

namespace VocEdAlliance.IntegrationTests.ApiTests;

/// <summary>A portal whose API allows three requests a minute per token.</summary>
public sealed class RateLimitedPortal() : DedicatedPortal(seedDemo: false, settings: new Dictionary<string, string> { ["RateLimits:ApiPerTokenPerMinute"] = "3" });

/// <summary>One program calling too often is slowed down, with a problem that says when to try again; another token
/// (another program) is not.</summary>
public sealed class ApiRateLimitTests(RateLimitedPortal portal) : IClassFixture<RateLimitedPortal>
{
    [Fact]
    public async Task A_token_over_its_limit_gets_429_and_another_token_does_not()
    {
        var first = await portal.CreateUserAsync(Roles.MinistryOfficial, null);
        var second = await portal.CreateUserAsync(Roles.MinistryOfficial, null);
        var (busy, _) = await ApiClient.ForAsync(portal.Factory, first.Email!);
        var (other, _) = await ApiClient.ForAsync(portal.Factory, second.Email!);
        using (busy)
        using (other)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/institutions")).Status);
            }
            var refused = await busy.GetAsync("/api/v1/institutions");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Equal("application/problem+json", refused.Response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Response.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/institutions")).Status);
        }
    }
}
