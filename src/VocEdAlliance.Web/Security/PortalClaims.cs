using System.Security.Claims;

namespace VocEdAlliance.Web.Security;

/// <summary>Claims the portal adds to a signed-in user's principal.</summary>
public static class PortalClaims
{
    public const string DisplayName = "vocedalliance:display_name";
    public const string OrganisationId = "vocedalliance:organisation_id";

    /// <summary>The access key of the user's organisation (see <see cref="AccessScope"/>).</summary>
    public const string AccessKey = "vocedalliance:access_key";

    /// <summary>The personal access token the request was signed in with (API requests only).</summary>
    public const string AccessTokenId = "vocedalliance:access_token";

    /// <summary>Present when that token is read-only: the user's scope then changes nothing (see <see cref="AccessScope"/>).</summary>
    public const string ReadOnlyToken = "vocedalliance:read_only";

    /// <summary>Present when the account signs in with a second factor (an authenticator app).</summary>
    public const string TwoFactor = "vocedalliance:two_factor";

    public static string? GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name;

    public static Guid? GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? GetOrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationId), out var id) ? id : null;
}
