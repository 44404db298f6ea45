using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class CreateModel(
    AppDbContext db,
    RegionDirectory regions,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        var regionCode = await Input.ResolveRegionAsync(regions, ModelState, t);
        await Input.CheckCreditCodeFreeAsync(db, null, ModelState, t);
        if (!ModelState.IsValid || regionCode is null)
        {
            return Page();
        }
        Institution institution;
        try
        {
            institution = new Institution(Input.Name!, Input.NameEn, Input.Kind!.Value, Input.Ownership!.Value, regionCode,
                Input.Profile, clock.GetLocalNow().Year);
        }
        catch (DomainException refusal)
        {
            InstitutionInput.Show(refusal, ModelState, t);
            return Page();
        }
        if (!(await authorization.AuthorizeAsync(User, institution, Operations.Create)).Succeeded)
        {
            ModelState.AddModelError($"Input.{nameof(Input.Region)}", t["Region.OutsideJurisdiction"]);
            return Page();
        }
        db.Institutions.Add(institution);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Institutions/Details", new { id = institution.Id })!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["Institutions.Created", institution.Name].Value;
        return RedirectToPage("/Institutions/Details", new { id = institution.Id });
    }
}
