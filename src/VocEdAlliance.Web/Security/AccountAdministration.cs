using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Security;

/// <summary>Who may manage which accounts. Users are not behind the access filter (sign-in reads them), so account
/// administration scopes them here, explicitly: a bureau admin manages the accounts of organisations they can see
/// (their bureau, the bureaus and institutions below it), the system admin all.</summary>
public static class AccountAdministration
{
    public const string ManagersPolicy = "AccountManagers";

    /// <summary>The roles a user may grant: their own and those below it.</summary>
    public static IReadOnlyList<string> GrantableRoles(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SystemAdmin) ? Roles.All
        : user.IsInRole(Roles.BureauAdmin) ? [Roles.BureauAdmin, Roles.BureauStaff, Roles.SchoolPrincipal]
        : [];

    /// <summary>The accounts the current user may see and manage.</summary>
    public static IQueryable<ApplicationUser> ManageableUsers(AppDbContext db) =>
        db.Access.SeesEverything && db.Access.MayWrite
            ? db.Users
            : db.Users.Where(u => u.OrganisationId != null && db.Organisations.Any(o => o.Id == u.OrganisationId));

    /// <summary>Which kind of organisation a role belongs to; null when the role needs none.</summary>
    public static OrganisationType? OrganisationTypeFor(string role) => role switch
    {
        Roles.MinistryOfficial => OrganisationType.Ministry,
        Roles.BureauAdmin or Roles.BureauStaff => OrganisationType.EducationBureau,
        Roles.SchoolPrincipal => OrganisationType.Institution,
        _ => null,
    };

    /// <summary>An organisation the current user can see, by exact name (accounts are only made inside the scope).</summary>
    public static Task<Organisation?> FindVisibleOrganisationAsync(AppDbContext db, string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? Task.FromResult<Organisation?>(null)
            : db.Organisations.FirstOrDefaultAsync(o => o.Name == name.Trim());
}
