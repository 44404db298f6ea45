using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

public class DetailsModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<VocEdAlliance.Web.Resources.SharedResource> t) : PageModel
{
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    /// <summary>Uploads evidence of the activity.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file)
    {
        var (activity, refusal) = await this.AuthorizedAsync(authorization,
            db.Activities.Include(a => a.Agreement).Include(a => a.Alliance).SingleOrDefaultAsync(a => a.Id == id), Operations.Update);
        if (activity is null)
        {
            return refusal!;
        }
        if (await DocumentUpload.TrySaveAsync(db, file, ModelState, t,
                (name, content) => Domain.Documents.Document.For(activity, name, content, User.GetUserId()!.Value, clock.GetUtcNow())))
        {
            TempData["StatusMessage"] = t["Document.Uploaded", file!.FileName].Value;
            return RedirectToPage(new { id });
        }
        return await OnGetAsync(id);
    }

    public CooperationActivity? Activity { get; private set; }
    public string? AgreementTitle { get; private set; }
    public string? AllianceName { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>The support ledger's giver and receiver, by name (parties of the agreement, or members of the alliance).</summary>
    public string? GiverName { get; private set; }
    public string? ReceiverName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Activity = await db.Activities.AsNoTracking().Include(a => a.Agreement).ThenInclude(a => a!.Parties).Include(a => a.Alliance)
            .ThenInclude(a => a!.Members).SingleOrDefaultAsync(a => a.Id == id);
        if (Activity is null)
        {
            return NotFound();
        }
        AgreementTitle = Activity.Agreement?.Title;
        AllianceName = Activity.Alliance?.Name;
        string? NameOf(Guid? organisationId) => organisationId is not { } wanted ? null
            : Activity.Agreement?.Parties.FirstOrDefault(p => p.OrganisationId == wanted)?.OrganisationName
              ?? Activity.Alliance?.Members.FirstOrDefault(m => m.OrganisationId == wanted)?.OrganisationName;
        (GiverName, ReceiverName) = (NameOf(Activity.GiverOrganisationId), NameOf(Activity.ReceiverOrganisationId));
        CanEdit = (await authorization.AuthorizeAsync(User, Activity, Operations.Update)).Succeeded;
        Documents = await DocumentUpload.ListAsync(db.Documents.Where(d => d.ActivityId == id));
        return Page();
    }
}
