using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Alliances;

[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class CreateModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AllianceInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    public IReadOnlyList<AllianceOption> Parents { get; private set; } = [];

    public async Task OnGetAsync() => Parents = await AllianceOptions.ForAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        Parents = await AllianceOptions.ForAsync(db);
        var lead = string.IsNullOrWhiteSpace(Input.Lead) ? null : await OrganisationLookup.FindAsync(db, Input.Lead);
        if (lead is null)
        {
            ModelState.AddModelError($"Input.{nameof(Input.Lead)}", string.IsNullOrWhiteSpace(Input.Lead)
                ? t["Validation.Required", t["Field.LeadOrganisation"]]
                : t["Agreement.PartyNotFound", Input.Lead!.Trim()]);
        }
        await AllianceOptions.CheckVisibleAsync(db, Input.ParentAllianceId, $"Input.{nameof(Input.ParentAllianceId)}", ModelState, t);
        if (!ModelState.IsValid || lead is null)
        {
            return Page();
        }
        Alliance alliance;
        try
        {
            alliance = new Alliance(Input.Name!, Input.NameEn, Input.Kind!.Value, Input.FocusAreas, Input.FoundedOn,
                Input.ParentAllianceId, Input.Description,
                new MemberTerms(lead.Id, lead.Name, lead.Type, lead.RegionCode, MemberRole.Lead, Input.FoundedOn));
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            return Page();
        }
        if (!(await authorization.AuthorizeAsync(User, alliance, Operations.Create)).Succeeded)
        {
            ModelState.AddModelError($"Input.{nameof(Input.Lead)}", t["Alliance.LeadOutsideJurisdiction"]);
            return Page();
        }
        db.Alliances.Add(alliance);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Alliances/Details", new { id = alliance.Id })!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["Alliances.Created", alliance.Name].Value;
        return RedirectToPage("/Alliances/Details", new { id = alliance.Id });
    }
}
