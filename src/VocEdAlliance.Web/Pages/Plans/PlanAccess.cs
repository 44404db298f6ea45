using System.Security.Claims;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>Who may do what with a yearly plan: whoever may record activities on its agreement or alliance drafts
/// and submits it; a bureau above the submitter approves it.</summary>
internal static class PlanAccess
{
    /// <summary>The owner the authorization rules are asked about.</summary>
    public static object Owner(YearlyPlan plan) => (object?)plan.Agreement ?? plan.Alliance!;

    /// <summary>The submitter's scope: a bureau's jurisdiction prefix, or the principal's school region code.</summary>
    public static string? SubmitterScope(AccessScope scope, YearlyPlan plan)
    {
        if (scope.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            return scope.Key[2..];
        }
        var places = plan.Agreement?.Parties.Select(p => (p.OrganisationId, p.RegionCode))
                     ?? plan.Alliance!.Members.Select(m => (m.OrganisationId, m.RegionCode));
        return places.Where(p => AccessKeys.ForOrganisation(p.OrganisationId) == scope.Key).Select(p => p.RegionCode).FirstOrDefault();
    }

    public static bool MayApprove(ClaimsPrincipal user, AccessScope scope, YearlyPlan plan) =>
        (user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)) && scope.MayWrite
        && scope.Key.StartsWith("r:", StringComparison.Ordinal) && plan.IsSupervisedBy(scope.Key[2..]);
}
