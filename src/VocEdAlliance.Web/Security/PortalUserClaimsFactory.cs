using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Security;

/// <summary>Adds the display name, home organisation and its access key to the sign-in cookie, so pages need no query
/// for them. Regenerated when Identity revalidates the cookie.</summary>
public sealed class PortalUserClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, "totp"));
        }
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganisationId, organisationId.ToString("D", CultureInfo.InvariantCulture)));
            // Signing in happens before anyone is known, so this one read looks past the access filter, by id.
            var organisation = await db.Set<Organisation>().IgnoreQueryFilters()
                .Where(o => o.Id == organisationId)
                .Select(o => new { o.Type, o.RegionCode })
                .SingleOrDefaultAsync();
            var key = organisation?.Type switch
            {
                OrganisationType.EducationBureau => AccessKeys.ForJurisdiction(organisation.RegionCode),
                OrganisationType.Institution => AccessKeys.ForOrganisation(organisationId),
                _ => null,
            };
            if (key is not null)
            {
                identity.AddClaim(new Claim(PortalClaims.AccessKey, key));
            }
        }
        return identity;
    }
}
