using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>An alliance the user may attach an agreement to (only those they can see).</summary>
public sealed record AllianceOption(Guid Id, string Name);

internal static class AgreementPages
{
    public static async Task<IReadOnlyList<AllianceOption>> AllianceOptionsAsync(AppDbContext db) =>
        await db.Alliances.AsNoTracking().OrderBy(a => a.Name).Select(a => new AllianceOption(a.Id, a.Name)).ToListAsync();
}
