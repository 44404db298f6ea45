using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Summaries;

/// <summary>Agreements and what their activities produced, counted together (a row of a summary table).</summary>
public sealed record Volume(int Agreements, int Active, Outcomes Outcomes)
{
    public static Volume Zero { get; } = new(0, 0, Outcomes.Zero);

    public Volume Add(Volume other) => new(Agreements + other.Agreements, Active + other.Active, Outcomes.Add(other.Outcomes));
}

/// <summary>Every panel of the summaries, computed from one set of facts (<see cref="SummaryStore"/>) with the rules of
/// docs/summaries.md: the same filters narrow every panel, and the same fact counts the same way in each.</summary>
public sealed class SummaryReport(AppDbContext db, RegionDirectory regions, SummaryStore store)
{
    public sealed record Pair(string From, string To, Volume Volume);
    public sealed record RegionRow(string Prefix, string Name, Volume Volume);
    public sealed record AllianceRow(Guid Id, string Name, int Members, Volume Volume, DateOnly? LastActivity, bool Quiet);
    public sealed record TrendRow(int Year, IReadOnlyDictionary<ActivityKind, int> ByKind, int Total);

    /// <summary>Alliances on one page of the by-alliance table, by name.</summary>
    public const int AlliancePageSize = 50;

    public SummaryStore Store => store;

    private (SummaryFilters Filters, SummaryFacts Facts)? factsRead;
    private IReadOnlyDictionary<string, MacroZone>? zones;

    public async Task<IReadOnlyDictionary<string, MacroZone>> ZonesAsync() =>
        zones ??= (await regions.ProvincesAsync()).ToDictionary(p => p.Code[..2], p => p.MacroZone, StringComparer.Ordinal);

    public async Task<IReadOnlyList<RegionRow>> ProvinceNamesAsync() =>
        [.. (await regions.ProvincesAsync()).Select(p => new RegionRow(p.Code[..2], p.DisplayName(CultureInfo.CurrentUICulture), Volume.Zero))];

    /// <summary>The facts of the filters, read once per report: the reader's scope, or one alliance's share of it.</summary>
    public async Task<SummaryFacts> FactsAsync(SummaryFilters filters)
    {
        if (factsRead is { } read && ReferenceEquals(read.Filters, filters))
        {
            return read.Facts;
        }
        var zone = await ZoneProvincesAsync(filters);
        var facts = await NarrowAsync(filters.AllianceId is { } alliance
            ? await store.AlliancesAsync(filters, [alliance], below: null, zone)
            : await store.CellsAsync(filters, below: null, zone), filters);
        factsRead = (filters, facts);
        return facts;
    }

    /// <summary>The provinces of the filters' zone (none without one).</summary>
    private async Task<IReadOnlyList<string>> ZoneProvincesAsync(SummaryFilters filters) =>
        filters.Zone is { } zone ? [.. (await ZonesAsync()).Where(z => z.Value == zone).Select(z => z.Key)] : [];

    /// <summary>The province and zone filters: a fact counts when one of its provinces is the province, or in the zone
    /// (the trends come narrowed from the store).</summary>
    private async Task<SummaryFacts> NarrowAsync(SummaryFacts facts, SummaryFilters filters)
    {
        if (filters.ProvincePrefix is null && filters.Zone is null)
        {
            return facts;
        }
        var zoneOf = await ZonesAsync();
        bool Counts(string provinces)
        {
            var places = provinces.Split(',', StringSplitOptions.RemoveEmptyEntries);
            return (filters.ProvincePrefix is not { } province || places.Contains(province, StringComparer.Ordinal))
                   && (filters.Zone is not { } zone || places.Any(p => zoneOf.GetValueOrDefault(p) == zone));
        }
        return new SummaryFacts([.. facts.Agreements.Where(a => Counts(a.Provinces))], [.. facts.Activities.Where(a => Counts(a.Provinces))], facts.Trends);
    }

    /// <summary>All the facts add up to: the headline figures.</summary>
    public static Volume Total(SummaryFacts facts) => ByKey(facts, _ => string.Empty).GetValueOrDefault(string.Empty, Volume.Zero);

    /// <summary>The facts added up by a key of their own (provinces, region, alliance, agreement).</summary>
    private static Dictionary<T, Volume> ByKey<T>(SummaryFacts facts, Func<(string Where, Guid Key, string Provinces), T> key) where T : notnull
    {
        var sums = new Dictionary<T, Volume>();
        foreach (var a in facts.Agreements)
        {
            var k = key((a.Where, a.Key, a.Provinces));
            sums[k] = sums.GetValueOrDefault(k, Volume.Zero).Add(new Volume(a.Agreements, a.Status == AgreementStatus.Active ? a.Agreements : 0, Outcomes.Zero));
        }
        foreach (var a in facts.Activities)
        {
            var k = key((a.Where, a.Key, a.Provinces));
            sums[k] = sums.GetValueOrDefault(k, Volume.Zero).Add(new Volume(0, 0, a.Outcomes));
        }
        return sums;
    }

    private static string[] Provinces(string provinces) => provinces.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Province × province (or zone × zone): every pair of places that share an agreement or an activity (a place
    /// with itself when all its provinces are there), its figures counted once per pair.</summary>
    public static IReadOnlyList<Pair> Pairs(SummaryFacts facts, Func<string, string> place)
    {
        var pairs = new Dictionary<(string, string), Volume>();
        foreach (var (provinces, volume) in ByKey(facts, f => f.Provinces))
        {
            var places = Provinces(provinces).Select(place).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var combos = places.Count switch
            {
                0 => [],
                1 => [(places[0], places[0])],
                _ => places.SelectMany((a, i) => places.Skip(i + 1).Select(b => (a, b))).ToList(),
            };
            foreach (var combo in combos)
            {
                pairs[combo] = pairs.GetValueOrDefault(combo, Volume.Zero).Add(volume);
            }
        }
        return [.. pairs.OrderByDescending(p => p.Value.Agreements).ThenByDescending(p => p.Value.Outcomes.Activities)
            .ThenBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => new Pair(p.Key.Item1, p.Key.Item2, p.Value))];
    }

    /// <summary>East→West: what has a place in the East and a place in the West.</summary>
    public static Volume EastToWest(SummaryFacts facts, IReadOnlyDictionary<string, MacroZone> zones) =>
        ByKey(facts, f => f.Provinces)
            .Where(p => Provinces(p.Key).Any(c => zones.GetValueOrDefault(c) == MacroZone.East)
                        && Provinces(p.Key).Any(c => zones.GetValueOrDefault(c) == MacroZone.West))
            .Aggregate(Volume.Zero, (sum, p) => sum.Add(p.Value));

    /// <summary>Whether the reader may drill into a region: its own jurisdiction, a region within it, or one of the
    /// regions above it (which then shows the reader's own figures); the ministry anywhere.</summary>
    public bool MayDrillInto(string prefix) =>
        prefix.StartsWith(store.Jurisdiction, StringComparison.Ordinal) || store.Jurisdiction.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>By region, one level below <paramref name="prefix"/> (provinces when none): each fact counts in every
    /// region where it has a place, so the rows do not add up to the total.</summary>
    public async Task<IReadOnlyList<RegionRow>> ByRegionAsync(SummaryFilters filters, string? prefix)
    {
        Dictionary<string, Volume> rows;
        if (prefix is null)
        {
            rows = [];
            foreach (var (provinces, volume) in ByKey(await FactsAsync(filters), f => f.Provinces))
            {
                foreach (var province in Provinces(provinces))
                {
                    rows[province] = rows.GetValueOrDefault(province, Volume.Zero).Add(volume);
                }
            }
        }
        else if (!MayDrillInto(prefix))
        {
            rows = [];
        }
        else if (store.Jurisdiction.Length > prefix.Length)
        {
            // Above the reader's jurisdiction: the one region on the way down to it holds all the reader's figures.
            var total = Total(await FactsAsync(filters));
            rows = total == Volume.Zero ? [] : new() { [store.Jurisdiction[..(prefix.Length + 2)]] = total };
        }
        else
        {
            var zone = await ZoneProvincesAsync(filters);
            var below = filters.AllianceId is { } alliance
                ? await store.AlliancesAsync(filters, [alliance], prefix, zone)
                : await store.CellsAsync(filters, prefix, zone);
            rows = ByKey(await NarrowAsync(below, filters), f => f.Where[2..]);
        }
        var result = new List<RegionRow>();
        foreach (var (place, volume) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            result.Add(new RegionRow(place, await regions.PathAsync(RegionCode.OfPrefix(place), CultureInfo.CurrentUICulture), volume));
        }
        return result;
    }

    /// <summary>Agreement parties in a county, by institution, with their agreements' figures: the last level of the
    /// drill-down (activities recorded on an alliance alone belong to no institution and are not in these rows).</summary>
    public async Task<IReadOnlyList<RegionRow>> InstitutionsAsync(SummaryFilters filters, string county)
    {
        if (!MayDrillInto(county))
        {
            return [];
        }
        var agreements = db.Agreements.AsNoTracking().Where(a => !a.IsArchived);
        if (filters.AllianceId is { } alliance)
        {
            agreements = agreements.Where(a => a.AllianceId == alliance);
        }
        var parties = await agreements
            .SelectMany(a => a.Parties.Where(p => p.RegionCode == county).Select(p => new { a.Id, p.OrganisationId, p.OrganisationName }))
            .ToListAsync();
        var byAgreement = ByKey(await NarrowAsync(await store.AgreementsAsync(filters, [.. parties.Select(p => p.Id).Distinct()]), filters), f => f.Key);
        return [.. parties.Where(p => byAgreement.ContainsKey(p.Id))
            .GroupBy(p => (p.OrganisationId, p.OrganisationName))
            .Select(g => new RegionRow(g.Key.OrganisationId.ToString(), g.Key.OrganisationName,
                g.Select(p => p.Id).Distinct().Aggregate(Volume.Zero, (sum, id) => sum.Add(byAgreement[id]))))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The names of the given alliances the reader may see.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AllianceNamesAsync(IReadOnlyCollection<Guid> ids) =>
        ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Alliances.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);

    private sealed record AllianceHead(Guid Id, string Name, int Members);

    /// <summary>The by-alliance table: one page of it (<paramref name="page"/>), or every alliance (null: the exports).
    /// With a province or zone chosen, the alliances with a member there (now or before), with what they have there.</summary>
    public async Task<PageOf<AllianceRow>> ByAllianceAsync(SummaryFilters filters, DateOnly today, int? page)
    {
        var chosen = db.Alliances.AsNoTracking();
        if (filters.AllianceId is { } id)
        {
            chosen = chosen.Where(a => a.Id == id);
        }
        var zoneOf = await ZonesAsync();
        var placeKeys = filters.ProvincePrefix is { } province ? ["r:" + province]
            : filters.Zone is { } zone ? zoneOf.Where(z => z.Value == zone).Select(z => "r:" + z.Key).ToList()
            : null;
        if (placeKeys is not null)
        {
            chosen = chosen.Where(a => a.AccessKeys.Any(k => placeKeys.Contains(k)));
        }
        var heads = chosen.OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new AllianceHead(a.Id, a.Name, a.Members.Count(m => m.LeftOn == null)));
        PageOf<AllianceHead> shown;
        if (page is { } number)
        {
            shown = await heads.ToPageAsync(number, chosen, AlliancePageSize);
        }
        else
        {
            var all = await heads.ToListAsync();
            shown = new PageOf<AllianceHead>(all, 1, Math.Max(1, all.Count), all.Count);
        }
        var facts = await NarrowAsync(await store.AlliancesAsync(filters, [.. shown.Items.Select(a => a.Id)], below: null, [], withTrends: false), filters);
        var volumes = ByKey(facts, f => f.Key);
        var last = facts.Activities.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Max(a => a.LastOn));
        var quietSince = today.AddMonths(-12);
        return new PageOf<AllianceRow>([.. shown.Items.Select(a =>
        {
            var latest = last.GetValueOrDefault(a.Id);
            return new AllianceRow(a.Id, a.Name, a.Members, volumes.GetValueOrDefault(a.Id, Volume.Zero), latest, latest is null || latest < quietSince);
        })], shown.Page, shown.PageSize, shown.Total, shown.MoreThanTotal);
    }

    /// <summary>Activities by year and kind: every year from the first to the last (or the filters' years), years
    /// without activity as zero.</summary>
    public static IReadOnlyList<TrendRow> Trends(SummaryFacts facts, SummaryFilters filters)
    {
        var byYear = facts.Trends.GroupBy(a => a.Year).ToDictionary(g => g.Key,
            g => g.GroupBy(a => a.Kind).ToDictionary(k => k.Key, k => k.Sum(a => a.Activities)));
        if (byYear.Count == 0)
        {
            return [];
        }
        int first = byYear.Keys.Min(), last = byYear.Keys.Max();
        // The filters' own years widen the range to what was asked, within reason (a century of zeros says nothing).
        if (filters.FromYear is { } from && from < first && last - from <= 30)
        {
            first = from;
        }
        if (filters.ToYear is { } to && to > last && to - first <= 30)
        {
            last = to;
        }
        return [.. Enumerable.Range(first, last - first + 1).Select(year =>
        {
            var kinds = byYear.GetValueOrDefault(year) ?? [];
            return new TrendRow(year, kinds, kinds.Values.Sum());
        })];
    }
}
