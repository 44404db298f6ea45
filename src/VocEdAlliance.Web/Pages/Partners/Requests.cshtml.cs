using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>Registration requests: those addressed to the user's jurisdiction (the partner is in it), to register —
/// the institution form, filled in from the request — or to decline with a reason; and those the user's bureau sent,
/// with their answers. Only requests the user may see (the access filter applies).</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class RequestsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, string Name, InstitutionKind Kind, string RegionCode, string? CreditCode, string? Contact,
        string RequestedByName, DateTimeOffset RequestedAt, RegistrationRequestStatus Status, string? DeclineReason, Guid? InstitutionId, uint Version);

    public IReadOnlyList<Row> ToUs { get; private set; } = [];
    public IReadOnlyList<Row> FromUs { get; private set; } = [];

    public sealed class DeclineInput
    {
        public Guid Id { get; set; }
        public uint Version { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(RegistrationRequest.ReasonMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.DeclineReason")]
        public string? Reason { get; set; }
    }

    [BindProperty] public DeclineInput Decline { get; set; } = new();

    public async Task OnGetAsync()
    {
        var addressed = RegistrationRequests.AddressedTo(db);
        ToUs = await Rows(addressed).ToListAsync();
        var organisation = User.GetOrganisationId();
        FromUs = await Rows(db.RegistrationRequests.Where(r => r.RequestedByOrganisationId == organisation)
            .Where(r => !addressed.Any(a => a.Id == r.Id))).ToListAsync();
    }

    private static IQueryable<Row> Rows(IQueryable<RegistrationRequest> requests) =>
        requests.AsNoTracking().OrderBy(r => r.Status).ThenByDescending(r => r.RequestedAt).ThenBy(r => r.Id).Take(500)
            .Select(r => new Row(r.Id, r.Name, r.Kind, r.RegionCode, r.CreditCode, r.Contact, r.RequestedByName, r.RequestedAt, r.Status,
                r.DeclineReason, r.InstitutionId, r.Version));

    /// <summary>Declines a request addressed to the user's jurisdiction, with the reason; nothing is registered.</summary>
    public async Task<IActionResult> OnPostDeclineAsync()
    {
        var request = await db.RegistrationRequests.SingleOrDefaultAsync(r => r.Id == Decline.Id);
        if (request is null)
        {
            return NotFound();
        }
        if (!await RegistrationRequests.AddressedTo(db).AnyAsync(r => r.Id == request.Id) || !db.Access.MayWrite)
        {
            return Forbid(); // the requesting side sees it, and waits for the answer
        }
        if (ModelState.IsValid)
        {
            try
            {
                db.Entry(request).Property(r => r.Version).OriginalValue = Decline.Version;
                request.Decline(Decline.Reason, clock.GetUtcNow());
                await db.SaveChangesAsync();
                TempData["StatusMessage"] = t["RegistrationRequest.Declined", request.Name].Value;
                return RedirectToPage();
            }
            catch (Exception answered) when (answered is DomainException or DbUpdateConcurrencyException)
            {
                // Answered meanwhile (here or by a colleague): nothing changes, and the list says so.
                TempData["StatusMessage"] = t["RegistrationRequest.Answered"].Value;
                return RedirectToPage();
            }
        }
        db.ChangeTracker.Clear();
        await OnGetAsync();
        return Page();
    }
}
