using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

public class ArchiveModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Title { get; private set; } = string.Empty;

    public Task<IActionResult> OnGetAsync() => HandleAsync(archive: false);

    public Task<IActionResult> OnPostAsync() => HandleAsync(archive: true);

    private async Task<IActionResult> HandleAsync(bool archive)
    {
        var (activity, refusal) = await this.AuthorizedAsync(authorization,
            db.Activities.Include(a => a.Agreement).Include(a => a.Alliance).SingleOrDefaultAsync(a => a.Id == Id), Operations.Archive);
        if (activity is null)
        {
            return refusal!;
        }
        Title = activity.Title;
        if (!archive)
        {
            return Page();
        }
        activity.Archive();
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Activities.Archived", activity.Title].Value;
        return activity.AgreementId is { } agreementId
            ? RedirectToPage("/Agreements/Details", new { id = agreementId })
            : RedirectToPage("/Activities/Index");
    }
}
