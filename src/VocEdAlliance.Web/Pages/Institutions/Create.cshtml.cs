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

[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public partial class CreateModel(
    AppDbContext db,
    RegionDirectory regions,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    /// <summary>The registration request this registers (see <see cref="RegistrationRequest"/>): it fills the form in,
    /// and is accepted, naming the institution, in the same save.</summary>
    [BindProperty(SupportsGet = true, Name = "request")]
    public Guid? RequestId { get; set; }

    /// <summary>Who at the partner can say more, as the request gave it.</summary>
    public string? RequestContact { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (RequestId is not null)
        {
            if (await AnsweredRequestAsync() is not { } request)
            {
                return NotFound();
            }
            // The telephone number in the contact the requester gave fills the contact telephone; the whole contact
            // (a name too, as a rule) is shown above the form, so nothing the requester wrote is lost.
            Input = new InstitutionInput
            {
                Name = request.Name, Kind = request.Kind, Region = request.RegionCode, CreditCode = request.CreditCode,
                ContactPhone = TelephoneIn(request.Contact),
            };
            RequestContact = request.Contact;
        }
        return Page();
    }

    /// <summary>The first telephone number in a text ("王老师 021-12345678" → "021-12345678"), when it fits the field.</summary>
    public static string? TelephoneIn(string? contact) =>
        contact is not null && TelephonePattern().Match(contact) is { Success: true, Value: { Length: <= Institution.PhoneMaxLength } number } ? number : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?[0-9(][0-9\-() ]{4,}[0-9]")]
    private static partial System.Text.RegularExpressions.Regex TelephonePattern();

    /// <summary>The request, when it is pending and addressed to the user's jurisdiction.</summary>
    private Task<RegistrationRequest?> AnsweredRequestAsync() =>
        Partners.RegistrationRequests.WaitingOn(db).SingleOrDefaultAsync(r => r.Id == RequestId);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        if (await Input.CreateAsync(new InstitutionRules(db, regions, authorization, User, clock.GetLocalNow().Year, t), ModelState) is not { } institution)
        {
            RequestContact = RequestId is null ? null : (await AnsweredRequestAsync())?.Contact;
            return Page();
        }
        if (RequestId is not null)
        {
            if (await AnsweredRequestAsync() is not { } request)
            {
                ModelState.AddModelError(string.Empty, t["RegistrationRequest.Answered"]);
                return Page();
            }
            request.Accept(institution.Id, clock.GetUtcNow());
        }
        db.Institutions.Add(institution);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Institutions/Details", new { id = institution.Id })!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["Institutions.Created", institution.Name].Value;
        return RedirectToPage("/Institutions/Details", new { id = institution.Id });
    }
}
