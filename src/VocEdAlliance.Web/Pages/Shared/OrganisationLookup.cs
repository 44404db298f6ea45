using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>Finds the organisation a user typed as a party or member.</summary>
public static class OrganisationLookup
{
    public sealed record Found(Guid Id, string Name, OrganisationType Type, InstitutionKind? Kind, string RegionCode);

    private static readonly Expression<Func<Organisation, Found>> Project =
        o => new Found(o.Id, o.Name, o.Type, o is Institution ? ((Institution)o).Kind : null, o.RegionCode);

    /// <summary>An organisation the user can see, by exact name; otherwise, to name a counterpart in another
    /// jurisdiction, any organisation by its exact full name or credit code (one match, nothing else disclosed).
    /// See docs/access-model.md, "The partner directory".</summary>
    public static async Task<Found?> FindAsync(AppDbContext db, string typed)
    {
        typed = typed.Trim();
        var code = typed.ToUpperInvariant();
        var visible = await db.Organisations.Where(o => o.Name == typed).Select(Project).Take(2).ToListAsync();
        if (visible.Count == 1)
        {
            return visible[0];
        }
        var named = await db.Organisations.IgnoreQueryFilters()
            .Where(o => o.Name == typed || (o is Institution && ((Institution)o).CreditCode == code))
            .Select(Project).Take(2).ToListAsync();
        return named.Count == 1 ? named[0] : null;
    }
}
