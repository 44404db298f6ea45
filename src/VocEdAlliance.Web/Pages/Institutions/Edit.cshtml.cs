using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

public class EditModel(
    AppDbContext db,
    RegionDirectory regions,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = string.Empty;

    /// <summary>The user may change the profile only (a principal): the registry fields are shown, not editable.</summary>
    public bool ProfileOnly { get; private set; }

    /// <summary>What someone else saved meanwhile, shown above the form that still holds what this user typed.</summary>
    public InstitutionInput? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (institution, refusal) = await this.AuthorizedAsync(authorization,
            db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id), Operations.Update);
        if (institution is null)
        {
            return refusal!;
        }
        Input = InstitutionInput.From(institution);
        CurrentName = institution.Name;
        ProfileOnly = await IsProfileOnlyAsync(institution);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (institution, refusal) = await this.AuthorizedAsync(authorization,
            db.Institutions.SingleOrDefaultAsync(i => i.Id == Id), Operations.Update);
        if (institution is null)
        {
            return refusal!;
        }
        CurrentName = institution.Name;
        ProfileOnly = await IsProfileOnlyAsync(institution);
        db.Entry(institution).Property(i => i.Version).OriginalValue = Input.Version;
        if (!await Input.UpdateAsync(institution, new InstitutionRules(db, regions, authorization, User, clock.GetLocalNow().Year, t), ModelState))
        {
            return Page();
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Institutions/Details", new { id = Id });
    }

    private async Task<bool> IsProfileOnlyAsync(Institution institution) =>
        !(await authorization.AuthorizeAsync(User, new InstitutionChange(institution, Institution.RegistryFields), Operations.Update)).Succeeded;

    /// <summary>Keeps what the user typed, shows what is stored now, and takes the new version so that saving again
    /// is a deliberate overwrite. Nothing was written.</summary>
    private async Task<IActionResult> ShowConflictAsync()
    {
        var current = await this.StoredAfterConflictAsync(db, () => db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id));
        if (current is null)
        {
            return NotFound();
        }
        Conflict = InstitutionInput.From(current);
        Conflict.Region = await regions.PathAsync(current.RegionCode, System.Globalization.CultureInfo.CurrentUICulture);
        Input.Version = current.Version;
        return Page();
    }
}
