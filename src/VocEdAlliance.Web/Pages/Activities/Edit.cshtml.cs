using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

public class EditModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public string CurrentTitle { get; private set; } = string.Empty;
    public ActivityInput? Conflict { get; private set; }
    public IReadOnlyList<PartyOption> Parties { get; private set; } = [];

    private Task<CooperationActivity?> LoadAsync() =>
        db.Activities.Include(a => a.Agreement).ThenInclude(a => a!.Parties).Include(a => a.Alliance).SingleOrDefaultAsync(a => a.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var (activity, refusal) = await this.AuthorizedAsync(authorization, LoadAsync(), Operations.Update);
        if (activity is null)
        {
            return refusal!;
        }
        Input = ActivityInput.From(activity);
        CurrentTitle = activity.Title;
        Parties = PartyOption.Of(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (activity, refusal) = await this.AuthorizedAsync(authorization, LoadAsync(), Operations.Update);
        if (activity is null)
        {
            return refusal!;
        }
        CurrentTitle = activity.Title;
        Parties = PartyOption.Of(activity);
        db.Entry(activity).Property(a => a.Version).OriginalValue = Input.Version;
        if (!Input.ApplyTo(activity, ModelState, t))
        {
            return Page();
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            if (await this.StoredAfterConflictAsync(db, LoadAsync) is not { } current)
            {
                return NotFound();
            }
            Conflict = ActivityInput.From(current);
            Input.Version = current.Version;
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Activities/Details", new { id = Id });
    }
}
