using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Security;

/// <summary>Which bureau answers for a place: the nearest one, going up (county → prefecture → province), that has an
/// active account — a bureau nobody signs in for cannot approve or be told anything. Above the last one, the system
/// admin. One rule for plan approval and for whom a notification is addressed to; see docs/access-model.md
/// ("Who answers for a place").</summary>
public static class ResponsibleBureaus
{
    /// <summary>The jurisdiction prefixes above a submitting side, nearest first: above a bureau's own prefix
    /// (<c>r:520302</c> → 5203, 52), or from a school's own county up (a school in 520302 → 520302, 5203, 52).</summary>
    public static IReadOnlyList<string> Above(string accessKey, string? schoolRegionCode)
    {
        if (accessKey.StartsWith("r:", StringComparison.Ordinal))
        {
            var prefix = accessKey[2..];
            return [.. Enumerable.Range(1, prefix.Length / 2 - 1).Select(i => prefix[..(prefix.Length - 2 * i)])];
        }
        return schoolRegionCode is null ? [] : [.. RegionCode.Prefixes(schoolRegionCode).Reverse()];
    }

    /// <summary>The first of these jurisdiction prefixes whose bureau has an active bureau account; null when none
    /// has (the system admin answers).</summary>
    public static async Task<string?> NearestWithAccountAsync(AppDbContext db, IReadOnlyList<string> prefixesNearestFirst, DateTimeOffset now)
    {
        var codes = prefixesNearestFirst.Select(p => RegionCode.OfPrefix(p)).ToList();
        var staffed = await ActiveBureauAccounts(db, now)
            .Join(Bureaus(db).Where(b => codes.Contains(b.RegionCode)), u => u.OrganisationId, b => b.Id, (_, b) => b.RegionCode)
            .Distinct().ToListAsync();
        return prefixesNearestFirst.FirstOrDefault(p => staffed.Contains(RegionCode.OfPrefix(p)));
    }

    /// <summary>The active accounts that answer for a jurisdiction: its bureau's staff and admins, or the system
    /// admins for null.</summary>
    public static IQueryable<ApplicationUser> AccountsOf(AppDbContext db, string? jurisdiction, DateTimeOffset now)
    {
        if (jurisdiction is null)
        {
            var admin = db.Roles.Where(r => r.Name == Roles.SystemAdmin).Select(r => r.Id);
            return Active(db, now).Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && admin.Contains(ur.RoleId)));
        }
        var code = RegionCode.OfPrefix(jurisdiction);
        return ActiveBureauAccounts(db, now).Where(u => Bureaus(db).Any(b => b.Id == u.OrganisationId && b.RegionCode == code));
    }

    /// <summary>The active accounts of ministry officials.</summary>
    public static IQueryable<ApplicationUser> MinistryAccounts(AppDbContext db, DateTimeOffset now)
    {
        var ministry = db.Roles.Where(r => r.Name == Roles.MinistryOfficial).Select(r => r.Id);
        return Active(db, now).Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ministry.Contains(ur.RoleId)));
    }

    /// <summary>The name of the bureau of a jurisdiction (its public identity only: the bureau a plan waits for is
    /// usually outside the submitter's scope).</summary>
    public static Task<string?> NameOfAsync(AppDbContext db, string jurisdiction)
    {
        var code = RegionCode.OfPrefix(jurisdiction);
        return Bureaus(db).Where(b => b.RegionCode == code).OrderBy(b => b.Name).Select(b => b.Name).FirstOrDefaultAsync();
    }

    /// <summary>The active accounts of one organisation (a school's principal, a bureau's staff and admins).</summary>
    public static IQueryable<ApplicationUser> AccountsOfOrganisation(AppDbContext db, Guid organisationId, DateTimeOffset now) =>
        Active(db, now).Where(u => u.OrganisationId == organisationId);

    /// <summary>Routing looks past the user's scope: the bureau above is usually outside it (only its name is shown).</summary>
    private static IQueryable<EducationBureau> Bureaus(AppDbContext db) => db.Bureaus.IgnoreQueryFilters();

    /// <summary>Not deactivated by an admin (locked for good); a sign-in throttle's short lockout still counts as active.</summary>
    private static IQueryable<ApplicationUser> Active(AppDbContext db, DateTimeOffset now)
    {
        var throttled = now + PortalIdentity.LockoutDuration;
        return db.Users.Where(u => u.LockoutEnd == null || u.LockoutEnd <= throttled);
    }

    private static IQueryable<ApplicationUser> ActiveBureauAccounts(AppDbContext db, DateTimeOffset now)
    {
        var bureauRoles = db.Roles.Where(r => r.Name == Roles.BureauAdmin || r.Name == Roles.BureauStaff).Select(r => r.Id);
        return Active(db, now).Where(u => u.OrganisationId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && bureauRoles.Contains(ur.RoleId)));
    }
}
