namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary><c>/metrics</c>: requests by page, status and duration, the database, the summaries' catch-up and refused
/// sign-ins, in Prometheus' text format — for a system administrator (or a configured scraper address), for no one else.</summary>
public class MetricsTests(PortalFixture portal)
{
    [Fact]
    public async Task An_administrator_reads_requests_database_catch_up_and_refused_sign_ins_and_a_bureau_may_not()
    {
        // A refused sign-in of an account that does not exist (never a shared demo account's wrong password).
        using (var stranger = portal.NewSession())
        {
            var form = await stranger.GetAsync("/Account/SignIn");
            await stranger.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
            {
                ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.invalid", ["Input.Password"] = "wrong-password-1",
            });
            var anonymous = await stranger.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        await hunan.GetAsync("/Summaries");
        Assert.Equal(HttpStatusCode.Forbidden, (await hunan.GetAsync("/metrics")).Status);

        using var admin = await portal.SignedInAsync("admin@demo.local");
        var metrics = await admin.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Matches("http_server_request_duration_seconds_count\\{(?=[^}]*http_route=\"Summaries\")(?=[^}]*http_response_status_code=\"200\")", metrics);
        Assert.Contains("voced_summary_catch_up_duration_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Matches("voced_sign_in_refused_total\\{[^}]*reason=\"unknown-account\"", metrics);
        Assert.Contains("db_client_", metrics, StringComparison.Ordinal);
        Assert.Contains("voced_outbox_pending", metrics, StringComparison.Ordinal);
        Assert.Contains("voced_summary_pending", metrics, StringComparison.Ordinal);
    }
}
