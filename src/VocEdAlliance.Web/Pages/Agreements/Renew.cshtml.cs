using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>Renews an agreement for a new period: a new agreement with the same parties and terms, linked to the
/// old one, confirmed by the renewing side and waiting for the others.</summary>
public class RenewModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title { get; private set; } = string.Empty;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.EffectiveFrom")]
        public DateOnly? EffectiveFrom { get; set; }

        [Display(Name = "Field.EffectiveTo")]
        public DateOnly? EffectiveTo { get; set; }
    }

    private Task<(Domain.Agreements.Agreement? Agreement, IActionResult? Refusal)> LoadAsync() =>
        this.AuthorizedAsync(authorization, db.Agreements.Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == Id), Operations.Renew);

    public async Task<IActionResult> OnGetAsync()
    {
        var (agreement, refusal) = await LoadAsync();
        if (agreement is null)
        {
            return refusal!;
        }
        Title = agreement.Title;
        Input.EffectiveFrom = agreement.EffectiveTo?.AddDays(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (agreement, refusal) = await LoadAsync();
        if (agreement is null)
        {
            return refusal!;
        }
        Title = agreement.Title;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Domain.Agreements.Agreement renewal;
        try
        {
            renewal = agreement.Renew(Input.EffectiveFrom!.Value, Input.EffectiveTo, db.Access.SeesEverything ? null : db.Access.Key,
                User.GetOrganisationId(), User.GetUserId()!.Value, clock.GetUtcNow());
        }
        catch (DomainException problem)
        {
            ModelState.AddRefusal(problem, t);
            return Page();
        }
        db.Agreements.Add(renewal);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Agreements.Renewed", agreement.Title].Value;
        return RedirectToPage("/Agreements/Details", new { id = renewal.Id });
    }
}
