using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Documents;

/// <summary>Downloads a document, for whoever may see its agreement or activity (404 for anyone else).</summary>
public class DownloadModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        // A signed scan is nobody's to keep in a shared office computer's cache.
        Response.Headers.CacheControl = "no-store";
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
