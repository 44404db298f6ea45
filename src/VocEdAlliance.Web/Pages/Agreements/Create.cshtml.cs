using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class CreateModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    public IReadOnlyList<AllianceOption> Alliances { get; private set; } = [];
    public IReadOnlyList<FrameworkOption> Frameworks { get; private set; } = [];

    /// <summary>Keep it as a draft: nobody is asked to confirm it yet.</summary>
    [BindProperty]
    public bool AsDraft { get; set; }

    public Task OnGetAsync() => LoadOptionsAsync();

    /// <summary>A row button (add a party or a quota, move a party up): the form comes back as typed, nothing saved.</summary>
    public async Task<IActionResult> OnPostRowsAsync(string? row)
    {
        ModelState.Clear();
        Input.ChangeRows(row);
        await LoadOptionsAsync();
        return Page();
    }

    private async Task LoadOptionsAsync()
    {
        Alliances = await AllianceOptions.ForAsync(db);
        Frameworks = await FrameworkOptions.ForAsync(db, named: Input.ImplementsFrameworkId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        await LoadOptionsAsync();
        Input.PadParties();
        var terms = await Input.ToTermsAsync(db, ModelState, t);
        if (terms is null)
        {
            return Page();
        }
        Agreement agreement;
        try
        {
            var key = db.Access.SeesEverything ? null : db.Access.Key;
            agreement = AsDraft
                ? Agreement.RecordDraft(terms, User.GetOrganisationId(), clock.GetUtcNow())
                : Agreement.Record(terms, User.GetOrganisationId(), key, clock.GetUtcNow(), User.GetUserId()!.Value);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            return Page();
        }
        if (!(await authorization.AuthorizeAsync(User, agreement, Operations.Create)).Succeeded)
        {
            ModelState.AddModelError("Input.Parties", t["Agreement.NoPartyInJurisdiction"]);
            return Page();
        }
        db.Agreements.Add(agreement);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Agreements/Details", new { id = agreement.Id })!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["Agreements.Recorded", agreement.Title].Value;
        return RedirectToPage("/Agreements/Details", new { id = agreement.Id });
    }
}
