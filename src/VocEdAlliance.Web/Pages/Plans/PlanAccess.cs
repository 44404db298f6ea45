using System.Security.Claims;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>Who may do what with a yearly plan: whoever may record activities on the agreement drafts and submits
/// it; a bureau above the submitter approves it.</summary>
internal static class PlanAccess
{
    /// <summary>The submitter's scope: a bureau's jurisdiction prefix, or the principal's school region code.</summary>
    public static string? SubmitterScope(AccessScope scope, Agreement agreement) =>
        scope.Key.StartsWith("r:", StringComparison.Ordinal) ? scope.Key[2..]
        : agreement.Parties.FirstOrDefault(p => Domain.Access.AccessKeys.ForOrganisation(p.OrganisationId) == scope.Key)?.RegionCode;

    public static bool MayApprove(ClaimsPrincipal user, AccessScope scope, YearlyPlan plan) =>
        (user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)) && scope.MayWrite
        && scope.Key.StartsWith("r:", StringComparison.Ordinal) && plan.IsSupervisedBy(scope.Key[2..]);
}
