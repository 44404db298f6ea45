using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>An alliance offered in a dropdown (only those the user can see: the access filter applies).</summary>
public sealed record AllianceOption(Guid Id, string Name);

public static class AllianceOptions
{
    public static async Task<IReadOnlyList<AllianceOption>> ForAsync(AppDbContext db, Guid? except = null) =>
        await db.Alliances.AsNoTracking().Where(a => a.Id != except).OrderBy(a => a.Name)
            .Select(a => new AllianceOption(a.Id, a.Name)).ToListAsync();
}
