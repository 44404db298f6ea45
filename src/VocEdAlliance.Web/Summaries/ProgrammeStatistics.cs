using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>A share in percent, to one decimal ("83.6%"), or none when there is nothing to divide by.</summary>
public readonly record struct Share(decimal? Percent)
{
    public static Share Of(long part, long whole) => new(whole > 0 ? Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero) : null);

    public override string ToString() => Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : string.Empty;
}

/// <summary>The figures of programmes (专业) in one year at one level (null: every level), as docs/summaries.md defines
/// them: programmes taught that year; of those, the ones aligned with local key industries (<see cref="AlignmentRule"/>);
/// programmes opened, closed and downsized that year; and that year's graduates, employed and employed locally.</summary>
/// <param name="Partnerships">In the total row only (null in a level's): school–enterprise agreements and industrial
/// colleges in force some time in the year with a school party in the place asked.</param>
/// <param name="GraduatesReportingEmployment">The graduates of the programmes that report their employed that year: the
/// employment rate divides by these only (a programme that reports no employment is not counted as placing no one).</param>
public sealed record ProgrammeFigures(int Year, ProgrammeLevel? Level, int Taught, int Aligned, int Opened, int Closed, int Downsized,
    long Graduates, long Employed, long EmployedLocally, long GraduatesReportingEmployment, int? Partnerships = null)
{
    public Share AlignedShare => Share.Of(Aligned, Taught);
    public Share EmploymentRate => Share.Of(Employed, GraduatesReportingEmployment);
    public Share LocalEmploymentRate => Share.Of(EmployedLocally, Employed);
}

/// <summary>The one definition of the programme figures: the summaries' table, the bureau home and the tests read them
/// from here. The programmes are those the reader may see (the access filter), within the filters' province, zone or
/// region; an alliance filter does not narrow programmes (they belong to schools, not alliances).</summary>
public sealed class ProgrammeStatistics(AppDbContext db, TimeProvider clock)
{
    /// <summary>The years a table shows at most (the last ones of a longer range).</summary>
    public const int MaxYears = 10;

    public async Task<IReadOnlyList<ProgrammeFigures>> ByLevelAsync(SummaryFilters filters, IReadOnlyDictionary<string, MacroZone> zones)
    {
        var query = db.Programmes.AsNoTracking();
        if ((filters.RegionPrefix ?? filters.ProvincePrefix) is { } prefix)
        {
            query = query.Where(p => p.RegionCode.StartsWith(prefix));
        }
        var programmes = await query.ToListAsync();
        if (filters.Zone is { } zone)
        {
            programmes = [.. programmes.Where(p => zones.GetValueOrDefault(p.RegionCode[..2]) == zone)];
        }
        if (programmes.Count == 0)
        {
            return [];
        }
        var industryIds = programmes.Select(p => p.KeyIndustryId).OfType<Guid>().Distinct().ToList();
        var industries = await db.KeyIndustries.AsNoTracking().Where(k => industryIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id);
        var years = YearsOf(filters, programmes);
        var partnerships = await PartnershipsAsync(filters, zones, years);
        return [.. years.SelectMany(year => Enum.GetValues<ProgrammeLevel>().Select(level => (ProgrammeLevel?)level).Append(null)
            .Select(level => Figures(year, level, programmes.Where(p => level is null || p.Level == level), industries) with
            {
                Partnerships = level is null ? partnerships.Count(p => p.From.Year <= year && (p.To is null || p.To.Value.Year >= year)) : null,
            }))];
    }

    /// <summary>The school–enterprise partnerships (校企合作: school–enterprise agreements and industrial colleges) the
    /// reader may see, active or since expired, not archived, with a school party in the place asked: their periods.</summary>
    private async Task<List<(DateOnly From, DateOnly? To)>> PartnershipsAsync(SummaryFilters filters, IReadOnlyDictionary<string, MacroZone> zones,
        IReadOnlyList<int> years)
    {
        var first = new DateOnly(years.Min(), 1, 1);
        var last = new DateOnly(years.Max(), 12, 31);
        var prefix = filters.RegionPrefix ?? filters.ProvincePrefix ?? string.Empty;
        var schoolKinds = new InstitutionKind?[] { InstitutionKind.SecondaryVocationalSchool, InstitutionKind.HigherVocationalCollege, InstitutionKind.TechnicianSchool };
        var found = await db.Agreements.AsNoTracking()
            .Where(a => (a.Kind == AgreementKind.SchoolEnterprise || a.Kind == AgreementKind.IndustrialCollege) && !a.IsArchived
                        && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.Expired)
                        && a.EffectiveFrom <= last && (a.EffectiveTo == null || a.EffectiveTo >= first))
            .Select(a => new
            {
                a.EffectiveFrom, a.EffectiveTo,
                Schools = a.Parties.Where(p => schoolKinds.Contains(p.InstitutionKind)).Select(p => p.RegionCode).ToList(),
            })
            .ToListAsync();
        return [.. found.Select(a => (a.EffectiveFrom, a.EffectiveTo, Places: a.Schools.Where(place => place.StartsWith(prefix, StringComparison.Ordinal)).ToList()))
            .Where(a => a.Places.Count > 0 && (filters.Zone is not { } zone || a.Places.Any(place => zones.GetValueOrDefault(place[..2]) == zone)))
            .Select(a => (a.EffectiveFrom, a.EffectiveTo))];
    }

    /// <summary>The years asked for; without any, the latest year something happened to a programme in scope (opened,
    /// closed, downsized, or a year's figures), up to this year (China time).</summary>
    private List<int> YearsOf(SummaryFilters filters, IReadOnlyList<Programme> programmes)
    {
        var thisYear = clock.GetLocalNow().Year;
        if (filters.HasYears)
        {
            var from = filters.FromYear ?? filters.ToYear!.Value;
            var to = filters.ToYear ?? Math.Max(from, thisYear);
            return [.. Enumerable.Range(Math.Max(from, to - MaxYears + 1), Math.Max(0, to - Math.Max(from, to - MaxYears + 1) + 1))];
        }
        var latest = programmes.SelectMany(p => new[] { p.OpenedIn, p.ClosedIn, p.DownsizedIn }.Concat(p.Years.Select(y => (int?)y.Year)))
            .OfType<int>().Where(y => y <= thisYear).DefaultIfEmpty(thisYear).Max();
        return [latest];
    }

    private static ProgrammeFigures Figures(int year, ProgrammeLevel? level, IEnumerable<Programme> programmes, IReadOnlyDictionary<Guid, KeyIndustry> industries)
    {
        var list = programmes.ToList();
        var taught = list.Where(p => p.IsOpenIn(year)).ToList();
        var figures = list.SelectMany(p => p.Years).Where(y => y.Year == year).ToList();
        return new ProgrammeFigures(year, level, taught.Count,
            taught.Count(p => AlignmentRule.IsAligned(p, p.KeyIndustryId is { } id ? industries.GetValueOrDefault(id) : null, year)),
            list.Count(p => p.OpenedIn == year), list.Count(p => p.ClosedIn == year), list.Count(p => p.DownsizedIn == year),
            // Added up as long: a country's yearly figures may pass what an int holds.
            figures.Sum(y => (long)(y.Graduates ?? 0)), figures.Sum(y => (long)(y.Employed ?? 0)), figures.Sum(y => (long)(y.EmployedLocally ?? 0)),
            figures.Where(y => y.Employed is not null).Sum(y => (long)(y.Graduates ?? 0)));
    }
}
