using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Alliances;

public class EditModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AllianceInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = string.Empty;
    public IReadOnlyList<AllianceOption> Parents { get; private set; } = [];
    public AllianceInput? Conflict { get; private set; }

    private async Task<(Alliance? Alliance, IActionResult? Refusal)> LoadAsync()
    {
        var (alliance, refusal) = await this.AuthorizedAsync(authorization,
            db.Alliances.Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == Id), Operations.Update);
        if (alliance is null)
        {
            return (null, refusal);
        }
        CurrentName = alliance.Name;
        Parents = await AllianceOptions.ForAsync(db, except: Id);
        return (alliance, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (alliance, refusal) = await LoadAsync();
        if (alliance is not null)
        {
            Input = AllianceInput.From(alliance);
        }
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (alliance, refusal) = await LoadAsync();
        if (alliance is null)
        {
            return refusal!;
        }
        ModelState.Remove($"Input.{nameof(Input.Lead)}");
        await AllianceOptions.CheckVisibleAsync(db, Input.ParentAllianceId, $"Input.{nameof(Input.ParentAllianceId)}", ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            db.Entry(alliance).Property(a => a.Version).OriginalValue = Input.Version;
            alliance.ChangeDetails(Input.Name!, Input.NameEn, Input.Kind!.Value, Input.FocusAreas, Input.FoundedOn,
                Input.ParentAllianceId, Input.Description);
            db.Entry(alliance).Property(a => a.Name).IsModified = true;
            await db.SaveChangesAsync();
        }
        catch (DomainException problem)
        {
            ModelState.AddRefusal(problem, t);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            if (await this.StoredAfterConflictAsync(db, () => db.Alliances.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id)) is not { } current)
            {
                return NotFound();
            }
            Conflict = AllianceInput.From(current);
            Input.Version = current.Version;
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Alliances/Details", new { id = Id });
    }
}
