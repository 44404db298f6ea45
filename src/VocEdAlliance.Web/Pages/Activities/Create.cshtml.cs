using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

/// <summary>Records an activity on an agreement the user can see and may record activities on.</summary>
public class CreateModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid AgreementId { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public string AgreementTitle { get; private set; } = string.Empty;

    private async Task<(Agreement? Agreement, IActionResult? Refusal)> LoadAgreementAsync()
    {
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == AgreementId);
        if (agreement is null)
        {
            return (null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, agreement, Operations.RecordActivity)).Succeeded)
        {
            return (null, Forbid());
        }
        AgreementTitle = agreement.Title;
        return (agreement, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (_, refusal) = await LoadAgreementAsync();
        Input.StartsOn ??= DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (agreement, refusal) = await LoadAgreementAsync();
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        CooperationActivity activity;
        try
        {
            activity = CooperationActivity.Record(agreement, null, Input.ToDetails(), User.GetUserId()!.Value, clock.GetUtcNow());
        }
        catch (DomainException problem)
        {
            ModelState.AddRefusal(problem, t);
            return Page();
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Activities.Recorded", activity.Title].Value;
        return RedirectToPage("/Activities/Details", new { id = activity.Id });
    }
}
