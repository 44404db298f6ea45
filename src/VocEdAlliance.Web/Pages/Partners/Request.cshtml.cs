using System.ComponentModel.DataAnnotations;
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

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>A partner not registered yet: the bureau asks the bureaus of the partner's region to register it (see
/// <see cref="RegistrationRequest"/>). A partner in the user's own jurisdiction is registered directly instead, and one
/// already registered is chosen from the directory.</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class RequestModel(AppDbContext db, RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(RegistrationRequest.NameMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.Name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.InstitutionKind")]
        public InstitutionKind? Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.RegionCode")]
        public string? Region { get; set; }

        [StringLength(18, MinimumLength = 18, ErrorMessage = "Validation.CreditCodeLength")]
        [Display(Name = "Field.CreditCode")]
        public string? CreditCode { get; set; }

        [StringLength(RegistrationRequest.ContactMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.RegistrationContact")]
        public string? Contact { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty] public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    /// <summary>The name the directory was searched for, to start the form with.</summary>
    public void OnGet([StringLength(RegistrationRequest.NameMaxLength)] string? name)
    {
        if (ModelState.IsValid)
        {
            Input.Name = name;
        }
        ModelState.Clear();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        var (region, regionError) = await regions.ResolveLocationAsync(Input.Region);
        if (Input.Region is { Length: > 0 } && regionError is not null)
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Region)}", t[regionError, Input.Region ?? string.Empty]);
        }
        if (!ModelState.IsValid || region is null)
        {
            return Page();
        }
        if (db.Access.CoversRegion(region))
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Region)}", t["RegistrationRequest.OwnJurisdiction"]);
            return Page();
        }
        var name = Input.Name!.Trim();
        var code = Input.CreditCode?.Trim().ToUpperInvariant();
        // Registered already (the directory would have found it): nothing to ask for.
        if (await db.Organisations.IgnoreQueryFilters([AppDbContext.AccessFilter])
                .AnyAsync(o => o.Name == name || (code != null && o is Institution && ((Institution)o).CreditCode == code)))
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Name)}", t["RegistrationRequest.AlreadyRegistered"]);
            return Page();
        }
        if (await db.RegistrationRequests.IgnoreQueryFilters([AppDbContext.AccessFilter])
                .AnyAsync(r => r.Status == RegistrationRequestStatus.Pending && r.Name == name && r.RegionCode == region))
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Name)}", t["RegistrationRequest.AlreadyRequested"]);
            return Page();
        }
        var organisation = User.GetOrganisationId();
        var requesterRegion = organisation is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.RegionCode).SingleOrDefaultAsync() : null;
        RegistrationRequest request;
        try
        {
            request = new RegistrationRequest(name, Input.Kind!.Value, region, code, Input.Contact, User.GetUserId()!.Value,
                User.GetDisplayName() ?? string.Empty, organisation, requesterRegion, clock.GetUtcNow());
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            return Page();
        }
        db.RegistrationRequests.Add(request);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Partners/Requests")!, clock) is { } repeated)
        {
            return repeated;
        }
        TempData["StatusMessage"] = t["RegistrationRequest.Sent", name].Value;
        return RedirectToPage("/Partners/Requests");
    }
}
