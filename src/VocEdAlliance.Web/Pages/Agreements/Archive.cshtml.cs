using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>Archiving (soft delete) asks first; the agreement stays, hidden from lists, visible by its address.</summary>
public class ArchiveModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await HandleAsync(archive: false);

    public async Task<IActionResult> OnPostAsync() => await HandleAsync(archive: true);

    private async Task<IActionResult> HandleAsync(bool archive)
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization,
            db.Agreements.Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == Id), Operations.Archive);
        if (agreement is null)
        {
            return refusal!;
        }
        Title = agreement.Title;
        if (!archive)
        {
            return Page();
        }
        agreement.Archive();
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Agreements.Archived", agreement.Title].Value;
        return RedirectToPage("/Agreements/Details", new { id = Id });
    }
}
