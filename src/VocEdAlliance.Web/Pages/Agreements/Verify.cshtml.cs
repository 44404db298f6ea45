using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>What a printed agreement's QR code opens: is this exact version (its terms' SHA-256) the one every party
/// confirmed, is it still the current one, and is it in force today? Anyone signed in may check a code — a printed copy
/// travels beyond its jurisdiction — but the page shows only the verdict unless the user may see the agreement; then it
/// names it and links to it. A code is the agreement's id and the 64-character hash: it cannot be guessed, and a code
/// that names no version of any agreement gets one answer, whatever is wrong with it.</summary>
public class VerifyModel(AppDbContext db, PortalClock clock) : PageModel
{
    public Guid Id { get; private set; }
    public string? Hash { get; private set; }

    /// <summary>Null: the code names no version of any agreement.</summary>
    public VersionCheck? Check { get; private set; }

    /// <summary>The agreement's title, for a user who may see it; null otherwise.</summary>
    public string? VisibleTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? h)
    {
        Id = id;
        Hash = h?.Trim().ToLowerInvariant();
        if (Hash is not { Length: 64 } || !Hash.All(char.IsAsciiHexDigitLower))
        {
            Hash = null;
            return Page();
        }
        // Outside the access filter on purpose (this one read only): the verdict is for whoever holds the paper.
        var agreement = await db.Agreements.IgnoreQueryFilters([AppDbContext.AccessFilter]).AsNoTracking()
            .Include(a => a.Parties).Include(a => a.Confirmations)
            .SingleOrDefaultAsync(a => a.Id == id);
        if (agreement?.Check(Hash, clock.Today) is { IsVersion: true } check)
        {
            Check = check;
            VisibleTitle = await db.Agreements.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync();
        }
        return Page();
    }
}
