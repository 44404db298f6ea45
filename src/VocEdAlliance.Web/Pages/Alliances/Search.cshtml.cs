using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Alliances;

/// <summary>Suggestions for the alliance pickers, as the user types: at most 20 alliances the user may see whose name
/// contains the text (the access filter decides which). At national scale there are thousands, too many for a list.</summary>
public class SearchModel(AppDbContext db) : PageModel
{
    public sealed record Suggestion(Guid Id, string Label);

    public async Task<IActionResult> OnGetAsync(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return new JsonResult(Array.Empty<Suggestion>());
        }
        var pattern = Paging.ContainsPattern(q);
        var found = await db.Alliances.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Name, pattern, @"\") || (a.NameEn != null && EF.Functions.ILike(a.NameEn, pattern, @"\")))
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Take(20)
            .Select(a => new Suggestion(a.Id, a.Name))
            .ToListAsync();
        return new JsonResult(found);
    }
}
