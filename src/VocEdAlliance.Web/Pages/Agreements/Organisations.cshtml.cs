using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>Suggestions of the organisations the user can see (the access filter applies), for the user account form,
/// whose organisation must be in the admin's jurisdiction. Parties, members and leads are chosen from the partner
/// directory instead (<see cref="Partners.PartnerDirectory"/>).</summary>
public class OrganisationsModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return new JsonResult(Array.Empty<object>());
        }
        var pattern = Paging.ContainsPattern(q);
        var found = await db.Organisations.AsNoTracking()
            .Where(o => EF.Functions.ILike(o.Name, pattern, @"\"))
            .OrderBy(o => o.Name).Take(20)
            .Select(o => new { o.Id, Label = o.Name })
            .ToListAsync();
        return new JsonResult(found);
    }
}
