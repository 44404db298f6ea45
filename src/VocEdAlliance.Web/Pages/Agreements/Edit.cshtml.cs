using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

public class EditModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public string CurrentTitle { get; private set; } = string.Empty;
    public IReadOnlyList<AllianceOption> Alliances { get; private set; } = [];
    public IReadOnlyList<FrameworkOption> Frameworks { get; private set; } = [];

    /// <summary>The agreement implements a framework the user may not see: saving keeps it.</summary>
    public bool HiddenFramework { get; private set; }
    public AgreementInput? Conflict { get; private set; }

    private Task<Agreement?> LoadAsync() =>
        db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleOrDefaultAsync(a => a.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization, LoadAsync(), Operations.Update);
        if (agreement is null)
        {
            return refusal!;
        }
        Input = AgreementInput.From(agreement);
        CurrentTitle = agreement.Title;
        await LoadOptionsAsync(agreement);
        return Page();
    }

    private async Task LoadOptionsAsync(Agreement agreement)
    {
        Alliances = await AllianceOptions.ForAsync(db);
        Frameworks = await FrameworkOptions.ForAsync(db, except: Id, named: Input.ImplementsFrameworkId);
        HiddenFramework = await FrameworkOptions.IsHiddenAsync(db, agreement.ImplementsFrameworkId);
    }

    /// <summary>A row button (add a party or a quota, move a party up): the form comes back as typed, nothing saved.</summary>
    public async Task<IActionResult> OnPostRowsAsync(string? row)
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization, LoadAsync(), Operations.Update);
        if (agreement is null)
        {
            return refusal!;
        }
        ModelState.Clear();
        Input.ChangeRows(row);
        CurrentTitle = agreement.Title;
        await LoadOptionsAsync(agreement);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization, LoadAsync(), Operations.Update);
        if (agreement is null)
        {
            return refusal!;
        }
        CurrentTitle = agreement.Title;
        await LoadOptionsAsync(agreement);
        Input.PadParties();
        var terms = await Input.ToTermsAsync(db, ModelState, t, existing: agreement);
        if (terms is null)
        {
            return Page();
        }
        try
        {
            db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
            agreement.ChangeTerms(terms, db.Access.SeesEverything ? null : db.Access.Key, User.GetUserId()!.Value, clock.GetUtcNow());
            // The row is written (and its version checked) even when only the parties changed.
            db.Entry(agreement).Property(a => a.Title).IsModified = true;
        }
        catch (DomainException broken)
        {
            ModelState.AddRefusal(broken, t);
            return Page();
        }
        if (!(await authorization.AuthorizeAsync(User, agreement, Operations.Update)).Succeeded)
        {
            ModelState.AddModelError("Input.Parties", t["Agreement.NoPartyInJurisdiction"]);
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
            Conflict = AgreementInput.From(current);
            Input.Version = current.Version;
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Agreements/Details", new { id = Id });
    }
}
