using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

/// <summary>Records an activity on an agreement (or an alliance) the user can see and may record activities on.</summary>
public class CreateModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? AgreementId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AllianceId { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    /// <summary>The agreement's title or the alliance's name.</summary>
    public string OwnerTitle { get; private set; } = string.Empty;

    /// <summary>The agreement's parties: who may give and receive support.</summary>
    public IReadOnlyList<PartyOption> Parties { get; private set; } = [];

    private async Task<(Agreement? Agreement, Alliance? Alliance, IActionResult? Refusal)> LoadOwnerAsync()
    {
        object? owner = AgreementId is { } agreementId
            ? await db.Agreements.Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == agreementId)
            : AllianceId is { } allianceId ? await db.Alliances.SingleOrDefaultAsync(a => a.Id == allianceId) : null;
        if (owner is null)
        {
            return (null, null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, owner, Operations.RecordActivity)).Succeeded)
        {
            return (null, null, Forbid());
        }
        OwnerTitle = owner is Agreement agreement ? agreement.Title : ((Alliance)owner).Name;
        Parties = owner is Agreement withParties ? [.. withParties.Parties.Select(p => new PartyOption(p.OrganisationId, p.OrganisationName))] : [];
        return (owner as Agreement, owner as Alliance, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (_, _, refusal) = await LoadOwnerAsync();
        Input.StartsOn ??= PartialDate.OfDay(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        var (agreement, alliance, refusal) = await LoadOwnerAsync();
        if (refusal is not null)
        {
            return refusal;
        }
        if (Input.Record(agreement, alliance, User.GetUserId()!.Value, clock.GetUtcNow(), ModelState, t) is not { } activity)
        {
            return Page();
        }
        db.Activities.Add(activity);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Activities/Details", new { id = activity.Id })!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["Activities.Recorded", activity.Title].Value;
        return RedirectToPage("/Activities/Details", new { id = activity.Id });
    }
}
