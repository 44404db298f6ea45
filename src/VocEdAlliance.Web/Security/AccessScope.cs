using System.Security.Claims;

namespace VocEdAlliance.Web.Security;

/// <summary>What the signed-in user may see and change, decided once per request from their claims:
/// everything (system admin; ministry officials read-only), or the records carrying <see cref="Key"/> (a bureau's
/// jurisdiction key, a principal's school key). Anyone else sees nothing. Applied by AppDbContext to every query
/// and every save: pages never filter by hand.</summary>
public sealed record AccessScope(bool SeesEverything, bool MayWrite, string Key)
{
    /// <summary>A ministry official (not through a read-only token): reads everything, changes nothing — except the
    /// national evaluation rounds the ministry publishes and reviews (<see cref="EvaluationRules"/>).</summary>
    public bool IsMinistry { get; init; }

    /// <summary>Start-up work (migrations, reference and demo data): unrestricted, and never a user's.</summary>
    public static AccessScope System { get; } = new(SeesEverything: true, MayWrite: true, Key: string.Empty);

    /// <summary>Nobody signed in, or an account without an organisation: sees and changes nothing.</summary>
    public static AccessScope Nothing { get; } = new(SeesEverything: false, MayWrite: false, Key: "-");

    /// <summary>Whether the region lies in the user's jurisdiction (a bureau's region or below; everywhere for the
    /// system and the ministry).</summary>
    public bool CoversRegion(string regionCode) =>
        SeesEverything || (Key.StartsWith("r:", StringComparison.Ordinal) && regionCode.StartsWith(Key[2..], StringComparison.Ordinal));

    public static AccessScope For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }
        // A read-only API token sees what its user sees and changes nothing.
        return For(user, readOnly: user.HasClaim(c => c.Type == PortalClaims.ReadOnlyToken));
    }

    private static AccessScope For(ClaimsPrincipal user, bool readOnly)
    {
        if (user.IsInRole(Roles.SystemAdmin))
        {
            return new AccessScope(SeesEverything: true, MayWrite: !readOnly, Key: string.Empty);
        }
        if (user.IsInRole(Roles.MinistryOfficial))
        {
            return new AccessScope(SeesEverything: true, MayWrite: false, Key: string.Empty) { IsMinistry = !readOnly };
        }
        var key = user.FindFirstValue(PortalClaims.AccessKey);
        var scoped = user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff) || user.IsInRole(Roles.SchoolPrincipal);
        return scoped && !string.IsNullOrEmpty(key) ? new AccessScope(SeesEverything: false, MayWrite: !readOnly, Key: key) : Nothing;
    }
}

/// <summary>A write outside the user's scope reached the database layer (a page forgot a check): refused.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
