using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>The summaries' filters as the reader gave them, checked once for the page, its exports and the API.</summary>
public sealed class SummaryFilterCheck(AppDbContext db, RegionDirectory regions, SummaryReport report, IStringLocalizer t)
{
    /// <summary>Filters the address holds but the page does not offer are refused next to their field and filter nothing:
    /// a kind, zone or year rule by its name only (not a number), a province of the list, a region that exists, lies in
    /// the chosen province and within the reader's reach, and years in order.</summary>
    public async Task CheckAsync(SummaryFilters filters, Microsoft.AspNetCore.Http.IQueryCollection query, ModelStateDictionary errors)
    {
        string? Given(string key) => query[key] is { Count: > 0 } values && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        void Refuse(string key, string message)
        {
            errors.Remove(key);
            errors.AddModelError(key, message);
        }
        if (Given("kind") is { } kind && !Enum.GetNames<ActivityKind>().Contains(kind, StringComparer.Ordinal))
        {
            filters.Kind = null;
            Refuse("kind", t["Summary.Refused.Kind"]);
        }
        if (Given("zone") is { } zone && !Enum.GetNames<Domain.Regions.MacroZone>().Contains(zone, StringComparer.Ordinal))
        {
            filters.Zone = null;
            Refuse("zone", t["Summary.Refused.Zone"]);
        }
        if (Given("years") is { } years && !Enum.GetNames<YearMode>().Contains(years, StringComparer.Ordinal))
        {
            filters.Years = YearMode.SignedWithin;
            Refuse("years", t["Summary.Refused.Years"]);
        }
        var provinces = await report.ProvinceNamesAsync();
        if (!string.IsNullOrEmpty(filters.Province) && !provinces.Any(p => p.Prefix == filters.Province))
        {
            filters.Province = null;
            Refuse("province", t["Summary.Refused.Province"]);
        }
        if (!string.IsNullOrEmpty(filters.Region))
        {
            var region = filters.Region;
            var known = region is { Length: 2 or 4 or 6 } && region.All(char.IsAsciiDigit) && await regions.FindAsync(RegionCode.OfPrefix(region)) is not null;
            var refusal = !known ? "Summary.Refused.Region"
                : filters.ProvincePrefix is { } province && !region.StartsWith(province, StringComparison.Ordinal) ? "Summary.Refused.RegionOutsideProvince"
                : !report.MayDrillInto(region) ? "Summary.Refused.RegionOutsideJurisdiction"
                : null;
            if (refusal is not null)
            {
                filters.Region = null;
                Refuse("region", t[refusal]);
            }
        }
        if (filters is { FromYear: { } from, ToYear: { } to } && from > to)
        {
            filters.FromYear = filters.ToYear = null;
            Refuse("to", t["Summary.Refused.YearsReversed", from, to]);
        }
    }

    /// <summary>The alliance filter: an id, or the exact name of an alliance the user may see (the first by id when two
    /// share a name). Anything else is reported next to the field and filters nothing.</summary>
    public async Task<(string? Name, bool Unknown)> ResolveAllianceAsync(SummaryFilters filters)
    {
        var typed = filters.Alliance?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return (null, false);
        }
        var found = Guid.TryParse(typed, out var id)
            ? await db.Alliances.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync()
            : await db.Alliances.AsNoTracking().Where(a => a.Name == typed).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync();
        filters.AllianceId = found?.Id;
        return (found?.Name ?? typed, found is null);
    }

}
