using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>Volumes of cooperation: how many pairings and activities, and what they produced.</summary>
public sealed record Volume(int Pairings, int ActivePairings, int Activities, long Teachers, long Students, long Trainees, decimal AmountCny)
{
    public static Volume Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public Volume Add(Volume other) => new(Pairings + other.Pairings, ActivePairings + other.ActivePairings,
        Activities + other.Activities, Teachers + other.Teachers, Students + other.Students, Trainees + other.Trainees,
        AmountCny + other.AmountCny);
}

/// <summary>Computes the cross-region summaries from what the current user may see: every read goes through the
/// access filter, so a bureau's numbers (totals included) can only ever come from its own jurisdiction's records.
/// Agreements are placed by their parties' regions; activities by their agreement's. Activities recorded on an
/// alliance alone have no place and count only in the by-alliance and by-year views.</summary>
public sealed class SummaryReport(AppDbContext db, RegionDirectory regions)
{
    public sealed record AgreementFacts(Guid Id, AgreementStatus Status, Guid? AllianceId, IReadOnlyList<string> Regions, Volume Outcomes);
    public sealed record Pair(string From, string To, Volume Volume);
    public sealed record RegionRow(string Prefix, string Name, Volume Volume);
    public sealed record AllianceRow(Guid Id, string Name, int Members, IReadOnlyDictionary<AgreementStatus, int> AgreementsByStatus,
        IReadOnlyDictionary<ActivityKind, int> ActivitiesByKind, DateOnly? LastActivity, bool Quiet, Volume Outcomes);
    public sealed record TrendRow(int Year, IReadOnlyDictionary<ActivityKind, int> ByKind, int Total);

    private sealed record ActivitySum(Guid? AgreementId, int Count, long Teachers, long Students, long Trainees, decimal Amount);

    private (SummaryFilters Filters, IReadOnlyList<AgreementFacts> Facts)? agreementsRead;

    /// <summary>Visible, current agreements matching the filters, each with the outcomes of its matching activities.
    /// Read once per report: the views of one page share it.</summary>
    public async Task<IReadOnlyList<AgreementFacts>> AgreementsAsync(SummaryFilters filters)
    {
        if (agreementsRead is { } read && ReferenceEquals(read.Filters, filters))
        {
            return read.Facts;
        }
        var facts = await ReadAgreementsAsync(filters);
        agreementsRead = (filters, facts);
        return facts;
    }

    private async Task<IReadOnlyList<AgreementFacts>> ReadAgreementsAsync(SummaryFilters filters)
    {
        var agreements = db.Agreements.AsNoTracking().Where(a => !a.IsArchived);
        if (filters.AllianceId is { } allianceId)
        {
            agreements = agreements.Where(a => a.AllianceId == allianceId);
        }
        if (filters.ProvincePrefix is { } province)
        {
            var pattern = province + "%";
            agreements = agreements.Where(a => a.Parties.Any(p => EF.Functions.Like(p.RegionCode, pattern)));
        }
        var rows = await agreements
            .Select(a => new { a.Id, a.Status, a.AllianceId, Regions = a.Parties.Select(p => p.RegionCode).ToList() })
            .ToListAsync();
        if (filters.Zone is { } zone)
        {
            var zones = await ZonesAsync();
            rows = [.. rows.Where(r => r.Regions.Any(code => zones.GetValueOrDefault(code[..2]) == zone))];
        }
        var sums = (await ActivitySumsAsync(filters)).Where(s => s.AgreementId is not null).ToDictionary(s => s.AgreementId!.Value);
        return [.. rows.Select(r =>
        {
            var s = sums.GetValueOrDefault(r.Id);
            var active = r.Status == AgreementStatus.Active ? 1 : 0;
            return new AgreementFacts(r.Id, r.Status, r.AllianceId, r.Regions,
                new Volume(1, active, s?.Count ?? 0, s?.Teachers ?? 0, s?.Students ?? 0, s?.Trainees ?? 0, s?.Amount ?? 0));
        })];
    }

    private IQueryable<CooperationActivity> Activities(SummaryFilters filters)
    {
        // An archived agreement is withdrawn, and so are its activities.
        var activities = db.Activities.AsNoTracking().Where(a => !a.IsArchived && (a.Agreement == null || !a.Agreement.IsArchived));
        if (filters.FromYear is { } from)
        {
            var start = new DateOnly(from, 1, 1);
            activities = activities.Where(a => a.StartsOn >= start);
        }
        if (filters.ToYear is { } to)
        {
            var end = new DateOnly(to, 12, 31);
            activities = activities.Where(a => a.StartsOn <= end);
        }
        if (filters.Kind is { } kind)
        {
            activities = activities.Where(a => a.Kind == kind);
        }
        if (filters.AllianceId is { } allianceId)
        {
            activities = activities.Where(a => a.AllianceId == allianceId || (a.Agreement != null && a.Agreement.AllianceId == allianceId));
        }
        return activities;
    }

    private async Task<List<ActivitySum>> ActivitySumsAsync(SummaryFilters filters) =>
        await Activities(filters).GroupBy(a => a.AgreementId)
            .Select(g => new ActivitySum(g.Key, g.Count(), g.Sum(a => (long?)a.Teachers) ?? 0, g.Sum(a => (long?)a.Students) ?? 0,
                g.Sum(a => (long?)a.Trainees) ?? 0, g.Sum(a => a.AmountCny) ?? 0))
            .ToListAsync();

    public async Task<IReadOnlyList<RegionRow>> ProvinceNamesAsync() =>
        [.. (await regions.ProvincesAsync()).Select(p => new RegionRow(p.Code[..2], p.DisplayName(System.Globalization.CultureInfo.CurrentUICulture), Volume.Zero))];

    /// <summary>Financial support and equipment donations from a giver in the East to a receiver in the West: how many,
    /// and their amount or estimated value in CNY.</summary>
    public async Task<(int Count, decimal Amount)> SupportEastToWestAsync(SummaryFilters filters)
    {
        var zones = await ZonesAsync();
        var support = await Activities(filters)
            .Where(a => (a.Kind == ActivityKind.FinancialSupport || a.Kind == ActivityKind.EquipmentDonation)
                        && a.GiverOrganisationId != null && a.ReceiverOrganisationId != null && a.Agreement != null)
            .Select(a => new
            {
                a.AmountCny,
                Giver = a.Agreement!.Parties.Where(p => p.OrganisationId == a.GiverOrganisationId).Select(p => p.RegionCode).FirstOrDefault(),
                Receiver = a.Agreement.Parties.Where(p => p.OrganisationId == a.ReceiverOrganisationId).Select(p => p.RegionCode).FirstOrDefault(),
            })
            .ToListAsync();
        var eastToWest = support.Where(s => s.Giver is not null && s.Receiver is not null
                                            && zones.GetValueOrDefault(s.Giver[..2]) == MacroZone.East
                                            && zones.GetValueOrDefault(s.Receiver[..2]) == MacroZone.West).ToList();
        return (eastToWest.Count, eastToWest.Sum(s => s.AmountCny ?? 0));
    }

    public async Task<IReadOnlyDictionary<string, MacroZone>> ZonesAsync() =>
        (await regions.ProvincesAsync()).ToDictionary(p => p.Code[..2], p => p.MacroZone);

    /// <summary>Province × province: every pair of provinces that share an agreement (a province with itself when
    /// both parties are in it), with the agreement's volume counted once per pair.</summary>
    public static IReadOnlyList<Pair> Pairs(IEnumerable<AgreementFacts> agreements, Func<string, string> key)
    {
        var pairs = new Dictionary<(string, string), Volume>();
        foreach (var agreement in agreements)
        {
            var places = agreement.Regions.Select(key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var combos = places.Count == 1
                ? [(places[0], places[0])]
                : places.SelectMany((a, i) => places.Skip(i + 1).Select(b => (a, b))).ToList();
            foreach (var combo in combos)
            {
                pairs[combo] = pairs.GetValueOrDefault(combo, Volume.Zero).Add(agreement.Outcomes);
            }
        }
        return [.. pairs.OrderByDescending(p => p.Value.Pairings).Select(p => new Pair(p.Key.Item1, p.Key.Item2, p.Value))];
    }

    /// <summary>East→West: the agreements with a party in the East and a party in the West.</summary>
    public static Volume EastToWest(IEnumerable<AgreementFacts> agreements, IReadOnlyDictionary<string, MacroZone> zones) =>
        agreements.Where(a => a.Regions.Any(c => zones.GetValueOrDefault(c[..2]) == MacroZone.East)
                              && a.Regions.Any(c => zones.GetValueOrDefault(c[..2]) == MacroZone.West))
            .Aggregate(Volume.Zero, (sum, a) => sum.Add(a.Outcomes));

    /// <summary>By region, one level below <paramref name="prefix"/> (provinces when none): each agreement counts once
    /// in every region where it has a party.</summary>
    public async Task<IReadOnlyList<RegionRow>> ByRegionAsync(IEnumerable<AgreementFacts> agreements, string? prefix)
    {
        var length = prefix is null ? 2 : Math.Min(prefix.Length + 2, 6);
        var rows = new Dictionary<string, Volume>(StringComparer.Ordinal);
        foreach (var agreement in agreements)
        {
            foreach (var place in agreement.Regions.Where(c => prefix is null || c.StartsWith(prefix, StringComparison.Ordinal))
                         .Select(c => c[..length]).Distinct(StringComparer.Ordinal))
            {
                rows[place] = rows.GetValueOrDefault(place, Volume.Zero).Add(agreement.Outcomes);
            }
        }
        var result = new List<RegionRow>();
        foreach (var (place, volume) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            result.Add(new RegionRow(place, await regions.PathAsync(place.PadRight(6, '0'), System.Globalization.CultureInfo.CurrentUICulture), volume));
        }
        return result;
    }

    /// <summary>Agreement parties in a county, by institution: the last level of the drill-down.</summary>
    public async Task<IReadOnlyList<RegionRow>> InstitutionsAsync(IReadOnlyList<AgreementFacts> agreements, string county)
    {
        var byId = agreements.ToDictionary(a => a.Id);
        var parties = await db.Agreements.AsNoTracking().Where(a => !a.IsArchived)
            .SelectMany(a => a.Parties.Where(p => p.RegionCode == county).Select(p => new { a.Id, p.OrganisationId, p.OrganisationName }))
            .ToListAsync();
        return [.. parties.Where(p => byId.ContainsKey(p.Id))
            .GroupBy(p => (p.OrganisationId, p.OrganisationName))
            .Select(g => new RegionRow(g.Key.OrganisationId.ToString(), g.Key.OrganisationName,
                g.Aggregate(Volume.Zero, (sum, p) => sum.Add(byId[p.Id].Outcomes))))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<AllianceRow>> ByAllianceAsync(SummaryFilters filters, DateOnly today)
    {
        var alliances = await db.Alliances.AsNoTracking()
            .Where(a => filters.AllianceId == null || a.Id == filters.AllianceId)
            .OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Members = a.Members.Count(m => m.LeftOn == null) })
            .ToListAsync();
        var statuses = await db.Agreements.AsNoTracking().Where(a => !a.IsArchived && a.AllianceId != null)
            .GroupBy(a => new { a.AllianceId, a.Status }).Select(g => new { g.Key.AllianceId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        var kinds = await Activities(filters)
            .Select(a => new
            {
                AllianceId = a.AllianceId ?? (a.Agreement != null ? a.Agreement.AllianceId : null),
                a.Kind, a.StartsOn, a.Teachers, a.Students, a.Trainees, a.AmountCny,
            })
            .Where(a => a.AllianceId != null)
            .GroupBy(a => new { a.AllianceId, a.Kind })
            .Select(g => new
            {
                g.Key.AllianceId, g.Key.Kind, Count = g.Count(), Last = g.Max(a => a.StartsOn),
                Teachers = g.Sum(a => (long?)a.Teachers) ?? 0, Students = g.Sum(a => (long?)a.Students) ?? 0,
                Trainees = g.Sum(a => (long?)a.Trainees) ?? 0, Amount = g.Sum(a => a.AmountCny) ?? 0,
            })
            .ToListAsync();
        var quietSince = today.AddMonths(-12);
        var kindsOf = kinds.ToLookup(k => k.AllianceId);
        var statusesOf = statuses.ToLookup(s => s.AllianceId);
        return [.. alliances.Select(a =>
        {
            var own = kindsOf[a.Id].ToList();
            DateOnly? last = own.Count > 0 ? own.Max(k => k.Last) : null;
            return new AllianceRow(a.Id, a.Name, a.Members,
                statusesOf[a.Id].ToDictionary(s => s.Status, s => s.Count),
                own.ToDictionary(k => k.Kind, k => k.Count), last, last is null || last < quietSince,
                new Volume(0, 0, own.Sum(k => k.Count), own.Sum(k => k.Teachers), own.Sum(k => k.Students), own.Sum(k => k.Trainees), own.Sum(k => k.Amount)));
        })];
    }

    public async Task<IReadOnlyList<TrendRow>> TrendsAsync(SummaryFilters filters)
    {
        var counts = await Activities(filters)
            .GroupBy(a => new { a.StartsOn.Year, a.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() })
            .ToListAsync();
        return [.. counts.GroupBy(c => c.Year).OrderBy(g => g.Key)
            .Select(g => new TrendRow(g.Key, g.ToDictionary(c => c.Kind, c => c.Count), g.Sum(c => c.Count)))];
    }
}
