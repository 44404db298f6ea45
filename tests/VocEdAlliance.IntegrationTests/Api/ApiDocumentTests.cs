using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.IntegrationTests.Api;

namespace VocEdAlliance.IntegrationTests.ApiTests;

/// <summary>The OpenAPI document says what the API is: every endpoint the portal maps under /api/v1 is in it with its
/// method (and nothing else is), and every read answers with a status the document lists and with the members its
/// schema names. The API reference page shows the document with the portal's own copy of Scalar.</summary>
public sealed class ApiDocumentTests(PortalFixture portal)
{
    private static string Template(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');

    [Fact]
    public async Task Every_endpoint_is_in_the_document_and_every_read_answers_as_the_document_says()
    {
        var mapped = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .Order().ToList();
        var (ministry, _) = await ApiClient.ForAsync(portal.Factory, "ministry@demo.local");
        using (ministry)
        {
            var document = await ministry.GetAsync("/api/v1/openapi.json");
            Assert.Equal(HttpStatusCode.OK, document.Status);
            var paths = document.Body.GetProperty("paths");
            var documented = paths.EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).Order().ToList();
            Assert.NotEmpty(mapped);
            Assert.Equal(mapped, documented);
            Assert.True(document.Body.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("token", out _));

            var (pairing, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
            await portal.WithDatabaseAsync(async db =>
            {
                db.Plans.Add(new VocEdAlliance.Web.Domain.Plans.YearlyPlan(await db.Agreements.SingleAsync(a => a.Id == pairing.Id), 2026,
                    new VocEdAlliance.Web.Domain.Plans.PlanTargets(TeachersTrained: 10)));
                return await db.SaveChangesAsync();
            });
            var ids = await portal.WithDatabaseAsync(async db => new Dictionary<string, Guid>
            {
                ["agreements"] = await db.Agreements.Select(a => a.Id).FirstAsync(),
                ["activities"] = await db.Activities.Select(a => a.Id).FirstAsync(),
                ["institutions"] = await db.Institutions.Select(a => a.Id).FirstAsync(),
                ["alliances"] = await db.Alliances.Select(a => a.Id).FirstAsync(),
                ["plans"] = await db.Plans.Select(a => a.Id).FirstAsync(),
            });
            var schemas = document.Body.GetProperty("components").GetProperty("schemas");
            foreach (var path in paths.EnumerateObject())
            {
                if (!path.Value.TryGetProperty("get", out var operation))
                {
                    continue;
                }
                var list = path.Name.Split('/')[3];
                var url = path.Name.Replace("{id}", ids.GetValueOrDefault(list).ToString(), StringComparison.Ordinal)
                    .Replace("{table}", "trends", StringComparison.Ordinal);
                var (status, body, _) = await ministry.GetAsync(url);
                var responses = operation.GetProperty("responses");
                Assert.True(responses.TryGetProperty(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), out var response),
                    $"GET {url} answered {(int)status}, which the document does not list");
                Assert.Equal(HttpStatusCode.OK, status);
                var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    var declared = schemas.GetProperty(reference.GetString()!.Split('/')[^1]).GetProperty("properties")
                        .EnumerateObject().Select(p => p.Name).Order().ToList();
                    Assert.Equal(declared, body.EnumerateObject().Select(p => p.Name).Order().ToList());
                }
            }
        }
    }

    [Fact]
    public async Task The_reference_page_shows_the_document_with_assets_the_portal_serves()
    {
        using var session = await portal.SignedInAsync("zunyi.staff@demo.local");
        var page = await session.GetAsync("/Api/Reference");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/api/v1/openapi.json", page.Document.QuerySelector("#api-docs")!.GetAttribute("data-document"));
        var scripts = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.All(scripts, src => Assert.StartsWith("/", src, StringComparison.Ordinal));
        Assert.DoesNotContain("http", string.Join(' ', page.Document.QuerySelectorAll("[src],[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href"))), StringComparison.Ordinal);
        var csp = page.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        // The document opens with the sign-in cookie too (the page reads it so).
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, scripts.Single(s => s.Contains("scalar", StringComparison.Ordinal)));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var bundle = await session.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("gzip", bundle.Content.Headers.ContentEncoding.Single());
        Assert.Contains("immutable", bundle.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100_000);
    }
}
