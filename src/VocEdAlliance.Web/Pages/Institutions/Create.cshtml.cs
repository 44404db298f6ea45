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
public class CreateModel(
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

    public async Task<IActionResult> OnGetAsync()
    {
        if (RequestId is not null)
        {
            if (await AnsweredRequestAsync() is not { } request)
            {
                return NotFound();
            }
            Input = new InstitutionInput { Name = request.Name, Kind = request.Kind, Region = request.RegionCode, CreditCode = request.CreditCode };
        }
        return Page();
    }

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
