using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Security;

/// <summary>What a user may do to a record they can see. Pages ask <c>IAuthorizationService</c> with the record and
/// one of these, and show the matching buttons only when the answer is yes.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Create = new() { Name = nameof(Create) };
    public static readonly OperationAuthorizationRequirement Update = new() { Name = nameof(Update) };
    public static readonly OperationAuthorizationRequirement Archive = new() { Name = nameof(Archive) };
    public static readonly OperationAuthorizationRequirement RecordActivity = new() { Name = nameof(RecordActivity) };
    public static readonly OperationAuthorizationRequirement Confirm = new() { Name = nameof(Confirm) };
    public static readonly OperationAuthorizationRequirement Terminate = new() { Name = nameof(Terminate) };
    public static readonly OperationAuthorizationRequirement Renew = new() { Name = nameof(Renew) };
    public static readonly OperationAuthorizationRequirement SendForConfirmation = new() { Name = nameof(SendForConfirmation) };
}

/// <summary>The shape of every record's rules: nothing for a read-only or out-of-scope user; otherwise the record
/// type's own rule for the operation.</summary>
public abstract class RecordAuthorizationHandler<T>(CurrentAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, T>
{
    protected AccessScope Scope => access.Scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, T resource)
    {
        if (Scope.MayWrite && InScope(resource) && Allows(context.User, requirement.Name, resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    protected abstract bool InScope(T resource);

    protected abstract bool Allows(ClaimsPrincipal user, string operation, T resource);

    protected bool Covers(IAccessControlled record) => Scope.SeesEverything || record.AccessKeys.Contains(Scope.Key);

    protected static bool IsBureau(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff);
}

/// <summary>Bureau staff and admins create and edit institutions in their jurisdiction; a principal edits the own
/// school's profile; the system admin anything; ministry officials nothing.</summary>
public sealed class InstitutionAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<Institution>(access)
{
    protected override bool InScope(Institution resource) => Covers(resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, Institution resource) => operation switch
    {
        nameof(Operations.Create) => IsBureau(user),
        nameof(Operations.Update) => IsBureau(user)
            || (user.IsInRole(Roles.SchoolPrincipal) && Scope.Key == AccessKeys.ForOrganisation(resource.Id)),
        _ => false,
    };
}

/// <summary>A change someone asks to make to an institution: the fields it would change.</summary>
public sealed record InstitutionChange(Institution Institution, IReadOnlySet<string> Fields);

/// <summary>Whoever may edit an institution may change its profile; only a bureau (or the system admin) changes its
/// registry entry (<see cref="Institution.RegistryFields"/>: name, English name, kind, ownership, region, credit
/// code). A principal posting any of those for the own school is refused, whatever the form showed.</summary>
public sealed class InstitutionChangeAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<InstitutionChange>(access)
{
    protected override bool InScope(InstitutionChange resource) => Covers(resource.Institution);

    protected override bool Allows(ClaimsPrincipal user, string operation, InstitutionChange resource) =>
        operation == nameof(Operations.Update)
        && (IsBureau(user)
            || (user.IsInRole(Roles.SchoolPrincipal) && Scope.Key == AccessKeys.ForOrganisation(resource.Institution.Id)
                && !resource.Fields.Overlaps(Institution.RegistryFields)));
}

/// <summary>Bureau staff and admins record and edit agreements with a party in their jurisdiction; bureaus and
/// principals whose school is a party record activities on them; nothing changes an archived agreement.</summary>
public sealed class AgreementAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<Agreement>(access)
{
    protected override bool InScope(Agreement resource) => Covers(resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, Agreement resource) => operation switch
    {
        nameof(Operations.Create) => IsBureau(user),
        nameof(Operations.Update) or nameof(Operations.Archive) => IsBureau(user) && !resource.IsArchived,
        nameof(Operations.RecordActivity) => (IsBureau(user) || user.IsInRole(Roles.SchoolPrincipal)) && !resource.IsArchived,
        nameof(Operations.Terminate) => IsBureau(user) && !resource.IsArchived
            && resource.Status is AgreementStatus.Active or AgreementStatus.PendingCounterpartConfirmation,
        nameof(Operations.Renew) => IsBureau(user) && !resource.IsArchived && resource.Status != AgreementStatus.Draft,
        nameof(Operations.SendForConfirmation) => IsBureau(user) && !resource.IsArchived && resource.Status == AgreementStatus.Draft,
        nameof(Operations.Confirm) => (IsBureau(user) || user.IsInRole(Roles.SchoolPrincipal)) && !resource.IsArchived
            && resource.Status != AgreementStatus.Draft
            && resource.AwaitingConfirmationFrom(Scope.SeesEverything ? null : Scope.Key).Any(),
        _ => false,
    };
}

/// <summary>Bureau staff and admins found and edit alliances whose lead or a member is in their jurisdiction, and
/// manage their members; bureaus and principals of member schools record activities on them.</summary>
public sealed class AllianceAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<Alliance>(access)
{
    protected override bool InScope(Alliance resource) => Covers(resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, Alliance resource) => operation switch
    {
        nameof(Operations.Create) or nameof(Operations.Update) => IsBureau(user),
        nameof(Operations.RecordActivity) => IsBureau(user) || user.IsInRole(Roles.SchoolPrincipal),
        _ => false,
    };
}

/// <summary>Whoever may record activities on an activity's agreement or alliance may edit and archive it.</summary>
public sealed class ActivityAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<CooperationActivity>(access)
{
    protected override bool InScope(CooperationActivity resource) => resource.Owners.OfType<IAccessControlled>().Any(Covers);

    protected override bool Allows(ClaimsPrincipal user, string operation, CooperationActivity resource) =>
        operation is nameof(Operations.Update) or nameof(Operations.Archive)
        && (IsBureau(user) || user.IsInRole(Roles.SchoolPrincipal))
        && !resource.IsArchived;
}

/// <summary>A programme is kept as its school is: by the bureaus whose jurisdiction holds the school and by its
/// principal; the system admin anything; ministry officials nothing.</summary>
public sealed class ProgrammeAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<Domain.Programmes.Programme>(access)
{
    protected override bool InScope(Domain.Programmes.Programme resource) => Covers(resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, Domain.Programmes.Programme resource) =>
        operation is nameof(Operations.Create) or nameof(Operations.Update) && KeepsProgrammesOf(user, Scope, resource.InstitutionId);

    /// <summary>Whether the user keeps the programmes of a school they can see: a bureau, or its own principal.</summary>
    public static bool KeepsProgrammesOf(ClaimsPrincipal user, AccessScope scope, Guid schoolId) =>
        scope.MayWrite && (IsBureau(user) || (user.IsInRole(Roles.SchoolPrincipal) && scope.Key == AccessKeys.ForOrganisation(schoolId)));
}

/// <summary>A region's key industries are named by the bureaus whose jurisdiction holds the region (a province's
/// bureau for its prefectures too), and the system admin. Everyone reads them.</summary>
public sealed class KeyIndustryAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<Domain.Programmes.KeyIndustry>(access)
{
    public static bool Governs(AccessScope scope, Domain.Programmes.KeyIndustry industry) => scope.CoversRegion(industry.RegionCode);

    protected override bool InScope(Domain.Programmes.KeyIndustry resource) => Governs(Scope, resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, Domain.Programmes.KeyIndustry resource) =>
        operation is nameof(Operations.Create) or nameof(Operations.Update) && IsBureau(user);
}

/// <summary>A bureau's own plans (for its jurisdiction: schools, enrolment, activities there) are drafted and
/// submitted by its own staff and admins (<c>RecordActivity</c> on the bureau), or the system admin — not by the bureaus
/// above, who approve them.</summary>
public sealed class BureauPlanAuthorizationHandler(CurrentAccess access) : RecordAuthorizationHandler<EducationBureau>(access)
{
    protected override bool InScope(EducationBureau resource) => Covers(resource);

    protected override bool Allows(ClaimsPrincipal user, string operation, EducationBureau resource) =>
        operation == nameof(Operations.RecordActivity) && IsBureau(user) && (Scope.SeesEverything || Scope.Key == resource.JurisdictionKey);
}
