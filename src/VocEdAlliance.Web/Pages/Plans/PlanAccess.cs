using System.Security.Claims;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>Who may do what with a yearly plan: whoever may record activities on its agreement or alliance drafts
/// and submits it; the bureau it was routed to when submitted (<see cref="ResponsibleBureaus"/>), or the system
/// admin, approves or returns it.</summary>
internal static class PlanAccess
{
    /// <summary>The owner the authorization rules are asked about.</summary>
    public static object Owner(YearlyPlan plan) => (object?)plan.Agreement ?? (object?)plan.Alliance ?? plan.Bureau!;

    /// <summary>The submitting side (the user's access key) and the places above it that may approve, nearest first;
    /// null when the user speaks for no side of the plan (the system admin).</summary>
    public static (string Key, IReadOnlyList<string> Above)? Submitter(AccessScope scope, YearlyPlan plan)
    {
        if (scope.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            return (scope.Key, ResponsibleBureaus.Above(scope.Key, null));
        }
        var places = plan.Agreement?.Parties.Select(p => (p.OrganisationId, p.RegionCode))
                     ?? plan.Alliance?.Members.Select(m => (m.OrganisationId, m.RegionCode)) ?? [];
        return places.Where(p => AccessKeys.ForOrganisation(p.OrganisationId) == scope.Key).Select(p => p.RegionCode).FirstOrDefault() is { } school
            ? (scope.Key, ResponsibleBureaus.Above(scope.Key, school))
            : null;
    }

    /// <summary>The approver the user is: a bureau's jurisdiction prefix, null for the system admin; false when the user
    /// approves nothing.</summary>
    public static bool IsApprover(ClaimsPrincipal user, AccessScope scope, out string? jurisdiction)
    {
        jurisdiction = null;
        if (!scope.MayWrite)
        {
            return false;
        }
        if (user.IsInRole(Roles.SystemAdmin))
        {
            return true;
        }
        if ((user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)) && scope.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            jurisdiction = scope.Key[2..];
            return true;
        }
        return false;
    }

    public static bool MayApprove(ClaimsPrincipal user, AccessScope scope, YearlyPlan plan) =>
        IsApprover(user, scope, out var jurisdiction) && plan.AwaitsApprovalFrom(jurisdiction);
}
