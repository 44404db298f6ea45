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
}

/// <summary>Bureau staff and admins record and edit agreements with a party in their jurisdiction; bureaus and
/// principals whose school is a party record activities on them; the system admin anything.</summary>
public sealed class AgreementAuthorizationHandler(CurrentAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, Agreement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Agreement resource)
    {
        var user = context.User;
        if (!access.Scope.MayWrite || !InstitutionAuthorizationHandler.InScope(access.Scope, resource))
        {
            return Task.CompletedTask;
        }
        var bureau = user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Create) => bureau,
            nameof(Operations.Update) or nameof(Operations.Archive) => bureau && !resource.IsArchived,
            nameof(Operations.RecordActivity) => (bureau || user.IsInRole(Roles.SchoolPrincipal)) && !resource.IsArchived,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Whoever may record activities on an activity's agreement (or alliance) may edit and archive it.</summary>
public sealed class ActivityAuthorizationHandler(CurrentAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, CooperationActivity>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, CooperationActivity resource)
    {
        var user = context.User;
        var owners = resource.Owners.OfType<IAccessControlled>().ToList();
        var inScope = access.Scope.MayWrite && owners.Any(o => InstitutionAuthorizationHandler.InScope(access.Scope, o));
        var role = user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)
                   || user.IsInRole(Roles.SchoolPrincipal);
        if (inScope && role && !resource.IsArchived && requirement.Name is nameof(Operations.Update) or nameof(Operations.Archive))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Bureau staff and admins create and edit institutions in their jurisdiction; a principal edits the own
/// school's profile; the system admin anything; ministry officials nothing.</summary>
public sealed class InstitutionAuthorizationHandler(CurrentAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, Institution>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Institution resource)
    {
        var user = context.User;
        if (!access.Scope.MayWrite || !InScope(access.Scope, resource))
        {
            return Task.CompletedTask;
        }
        var bureauOrAdmin = user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Create) => bureauOrAdmin,
            nameof(Operations.Update) => bureauOrAdmin
                || (user.IsInRole(Roles.SchoolPrincipal) && access.Scope.Key == AccessKeys.ForOrganisation(resource.Id)),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    internal static bool InScope(AccessScope scope, IAccessControlled record) =>
        scope.SeesEverything || record.AccessKeys.Contains(scope.Key);
}

/// <summary>Bureau staff and admins found and edit alliances whose lead or a member is in their jurisdiction, and
/// manage their members; bureaus and principals of member schools record activities on them; the system admin
/// anything.</summary>
public sealed class AllianceAuthorizationHandler(CurrentAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, Alliance>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Alliance resource)
    {
        var user = context.User;
        if (!access.Scope.MayWrite || !InstitutionAuthorizationHandler.InScope(access.Scope, resource))
        {
            return Task.CompletedTask;
        }
        var bureau = user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Create) or nameof(Operations.Update) => bureau,
            nameof(Operations.RecordActivity) => bureau || user.IsInRole(Roles.SchoolPrincipal),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
