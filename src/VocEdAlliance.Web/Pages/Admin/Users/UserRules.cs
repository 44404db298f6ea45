using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

/// <summary>The checks shared by creating and editing an account: a role the admin may grant, and an organisation
/// of the right kind that the admin can see.</summary>
internal static class UserRules
{
    public static async Task<Organisation?> CheckAsync(UserInput input, ClaimsPrincipal admin, AppDbContext db,
        ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (input.Role is null || !AccountAdministration.GrantableRoles(admin).Contains(input.Role))
        {
            modelState.AddModelError($"Input.{nameof(input.Role)}", t["Users.RoleNotGrantable"]);
            return null;
        }
        var needed = AccountAdministration.OrganisationTypeFor(input.Role);
        if (needed is null)
        {
            return null;
        }
        var organisation = await AccountAdministration.FindVisibleOrganisationAsync(db, input.Organisation);
        var fits = organisation is not null && organisation.Type == needed
                   && (organisation is not Institution institution || institution.IsSchool);
        if (!fits)
        {
            modelState.AddModelError($"Input.{nameof(input.Organisation)}", organisation is null
                ? t["Users.OrganisationNotFound", input.Organisation ?? string.Empty]
                : t[$"Users.OrganisationMustBe.{needed}"]);
            return null;
        }
        return organisation;
    }
}
