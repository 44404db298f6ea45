using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Api;

/// <summary>The REST API under <c>/api/v1</c> (docs/api.md): personal access tokens only, the same access filter,
/// authorization handlers, input rules and domain methods as the pages; problems as problem+json; a rate limit per
/// token; an OpenAPI document at <see cref="DocumentPath"/>, shown by the API reference page.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string DocumentPath = "/api/v1/openapi.json";
    public const string PerTokenPolicy = "api-per-token";

    /// <summary>Signed in with a token, never with the sign-in cookie: a page's cookie sent by a browser along with a
    /// forged request is no key to the API.</summary>
    public static readonly AuthorizationPolicy TokenPolicy = new AuthorizationPolicyBuilder(ApiTokenAuthentication.SchemeName)
        .RequireAuthenticatedUser().Build();

    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var perMinute = configuration.GetValue("RateLimits:ApiPerTokenPerMinute", 600);
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options =>
        {
            options.AddPolicy(PerTokenPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(PortalClaims.AccessTokenId)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var rejected = options.OnRejected;
            options.OnRejected = async (context, cancel) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments(Prefix))
                {
                    if (rejected is not null)
                    {
                        await rejected(context, cancel);
                    }
                    return;
                }
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                var t = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>();
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    detail: t["Api.Problem.RateLimited", perMinute]).ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "VocEdAlliance API",
                    Version = "v1",
                    Description = "Agreements, activities, institutions, alliances, plans and summaries, as the signed-in portal shows them to the "
                                  + "token's user. Send Authorization: Bearer <personal access token> (made on your profile's API tokens page).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (vea_…)",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>API requests' errors as problem+json (not the pages' friendly HTML): exceptions, and statuses answered
    /// without a body (a route that does not exist, a body that is not JSON).</summary>
    public static void UseApiProblems(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = PortalErrors.StatusOf });
            api.UseStatusCodePages();
        });

    public static void MapPortalApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(TokenPolicy)
            .RequireRateLimiting(PerTokenPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        AgreementsApi.Map(api);
        ActivitiesApi.Map(api);
        InstitutionsApi.Map(api);
        AlliancesApi.Map(api);
        SummariesApi.Map(api);
        api.MapFallback(() => Results.Problem(statusCode: StatusCodes.Status404NotFound)).ExcludeFromDescription();
        // The document is read by the API reference page (signed in with the cookie) and by programs (with a token).
        app.MapOpenApi(DocumentPath).RequireAuthorization(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme,
            ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build());
    }
}
