using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Access;

namespace VocEdAlliance.IntegrationTests.Api;

/// <summary>A program using the API with a personal access token, as a provincial platform would.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>A token for an account (found by e-mail), made directly, and a client that sends it.</summary>
    public static async Task<(ApiClient Client, Guid TokenId)> ForAsync(PortalFactory factory, string email, bool readOnly = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var (token, secret) = PersonalAccessToken.Issue(userId, "测试令牌", readOnly, 30, DateTimeOffset.UtcNow);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        return (WithSecret(factory, secret), token.Id);
    }

    public static ApiClient WithSecret(PortalFactory factory, string? secret)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return new ApiClient(http);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string url,
        object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response.StatusCode, json, response);
    }

    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    /// <summary>Every item of a list, page by page (following <c>next</c>).</summary>
    public async Task<List<JsonElement>> AllAsync(string list, int limit = 200)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var (status, body, _) = await GetAsync($"{list}?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, status);
            items.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = body.GetProperty("next").ValueKind == JsonValueKind.Null ? null : body.GetProperty("next").GetString();
        }
        while (cursor is not null);
        return items;
    }

    public void Dispose() => http.Dispose();
}
