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

/// <summary>Either party's bureau terminates an agreement, with a reason and the date it ends.</summary>
public class TerminateModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title { get; private set; } = string.Empty;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.TerminationReason")]
        public string? Reason { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.TerminatedOn")]
        public DateOnly? EffectiveOn { get; set; }
    }

    private Task<(Domain.Agreements.Agreement? Agreement, IActionResult? Refusal)> LoadAsync() =>
        this.AuthorizedAsync(authorization, db.Agreements.SingleOrDefaultAsync(a => a.Id == Id), Operations.Terminate);

    public async Task<IActionResult> OnGetAsync()
    {
        var (agreement, refusal) = await LoadAsync();
        if (agreement is null)
        {
            return refusal!;
        }
        Title = agreement.Title;
        Input.EffectiveOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
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
        try
        {
            agreement.Terminate(Input.Reason, Input.EffectiveOn!.Value);
        }
        catch (DomainException broken)
        {
            ModelState.AddRefusal(broken, t, new Dictionary<string, string> { ["TerminatedOn"] = nameof(InputModel.EffectiveOn), ["TerminationReason"] = nameof(InputModel.Reason) });
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Agreements.Terminated", agreement.Title].Value;
        return RedirectToPage("/Agreements/Details", new { id = Id });
    }
}
