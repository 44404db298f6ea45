using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Access;

namespace VocEdAlliance.Web.Security;

/// <summary>Signs an API request in with a personal access token (<c>Authorization: Bearer vea_…</c>): the token must
/// be known by its hash, neither expired nor revoked, and its account neither locked nor deleted; the request then
/// carries the same claims as that user's sign-in cookie (role, organisation, access key), so the same access filter,
/// authorization handlers and guard apply — plus the token's id and, for a read-only token, a claim that makes the
/// user's scope change nothing. ASP.NET Core ships JWT and cookie handlers but none for opaque, revocable tokens kept
/// in the database, hence this small one. API requests only: the pages never accept a token, the API never a cookie.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> t)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>How often a token's "last used" time is written (not on every request).</summary>
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = header["Bearer ".Length..].Trim();
        if (!PersonalAccessToken.LooksLikeSecret(presented))
        {
            return AuthenticateResult.Fail("not a personal access token");
        }
        var hash = PersonalAccessToken.Hash(presented);
        var now = clock.GetUtcNow();
        var token = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || !token.IsUsable(now))
        {
            return AuthenticateResult.Fail("unknown, expired or revoked token");
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null || user.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("the token's account is locked");
        }
        if (token.LastUsedAt is not { } used || now - used > LastUsedGranularity)
        {
            await db.AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(PortalClaims.AccessTokenId, token.Id.ToString("D")));
        if (token.ReadOnly)
        {
            identity.AddClaim(new Claim(PortalClaims.ReadOnlyToken, "true"));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>401 as problem+json, saying how to sign in.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
            detail: t["Api.Problem.Unauthorized"]).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden,
            detail: t["Api.Problem.Forbidden"]).ExecuteAsync(Context);
}
