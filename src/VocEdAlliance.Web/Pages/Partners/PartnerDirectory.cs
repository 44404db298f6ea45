using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>The partner directory: every registered institution and education bureau in the country, found by any
/// part of its name, the start of its unified social credit code, or its region — read past the access filter, and
/// only for its public identity (name, kind, region, credit code). Seeing an entry grants nothing: the records stay
/// 404 outside the user's scope (see docs/access-model.md, "The partner directory").</summary>
public static class PartnerDirectory
{
    /// <summary>The public identity of a registered organisation.</summary>
    public sealed record Entry(Guid Id, string Name, OrganisationType Type, InstitutionKind? Kind, string RegionCode, string? CreditCode);

    /// <summary>The organisations the text names, by name; <paramref name="regionPrefixes"/> are the jurisdictions of
    /// the regions the text names (all their organisations match).</summary>
    public static IQueryable<Entry> Search(AppDbContext db, string text, IReadOnlyList<string> regionPrefixes)
    {
        text = text.Trim();
        var pattern = Paging.ContainsPattern(text);
        var code = Paging.ContainsPattern(text.ToUpperInvariant())[1..]; // a code is typed from its start
        var patterns = regionPrefixes.Select(p => p + "%").ToList();
        return db.Organisations.IgnoreQueryFilters([AppDbContext.AccessFilter]).AsNoTracking()
            .Where(o => o.Type == OrganisationType.Institution || o.Type == OrganisationType.EducationBureau)
            .Where(o => EF.Functions.ILike(o.Name, pattern, @"\")
                        || (o is Institution && EF.Functions.Like(((Institution)o).CreditCode!, code, @"\"))
                        || patterns.Any(p => EF.Functions.Like(o.RegionCode, p)))
            // Those whose name has the text first, then the code's and the region's.
            .OrderBy(o => EF.Functions.ILike(o.Name, pattern, @"\") ? 0 : 1).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new Entry(o.Id, o.Name, o.Type, o is Institution ? ((Institution)o).Kind : null, o.RegionCode,
                o is Institution ? ((Institution)o).CreditCode : null));
    }

    /// <summary>The jurisdictions (code prefixes) of the regions a text names, for <see cref="Search"/>: two
    /// characters or more, so that "市" does not list the country.</summary>
    public static async Task<IReadOnlyList<string>> RegionPrefixesAsync(RegionDirectory regions, string text) =>
        text.Trim().Length < 2 ? [] : [.. (await regions.SearchAsync(text, null, locationsOnly: false, limit: 5)).Select(r => RegionCode.JurisdictionPrefix(r.Code))];

    /// <summary>What a form takes for the entry: its name, or, when another registered organisation has the same
    /// name, its credit code (the forms resolve either, see <see cref="OrganisationLookup"/>).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ValuesAsync(AppDbContext db, IReadOnlyList<Entry> entries)
    {
        var names = entries.Select(e => e.Name).Distinct().ToList();
        var shared = (await db.Organisations.IgnoreQueryFilters([AppDbContext.AccessFilter]).Where(o => names.Contains(o.Name))
            .GroupBy(o => o.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        return entries.ToDictionary(e => e.Id, e => shared.Contains(e.Name) && e.CreditCode is { } code ? code : e.Name);
    }
}
