using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;

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
/// alliance alone have no place and count only in the by-alliance and by-year views.
/// <para>With no alliance chosen, the figures come from the rollups the database keeps exactly in sync
/// (<see cref="SummaryRollups"/>), the country's or the bureau's own: a few thousand rows whatever the number of
/// activities. The by-alliance table of a bureau, a summary of one alliance and a drill below the provinces are computed
/// from the records (<paramref name="live"/> forces that for everything, for the tests that prove both give the same
/// figures).</para></summary>
public sealed class SummaryReport(AppDbContext db, RegionDirectory regions, bool live = false)
{
    public sealed record AgreementFacts(Guid Id, AgreementStatus Status, Guid? AllianceId, IReadOnlyList<string> Regions, Volume Outcomes);
    public sealed record Pair(string From, string To, Volume Volume);
    public sealed record RegionRow(string Prefix, string Name, Volume Volume);
    public sealed record AllianceRow(Guid Id, string Name, int Members, IReadOnlyDictionary<AgreementStatus, int> AgreementsByStatus,
        IReadOnlyDictionary<ActivityKind, int> ActivitiesByKind, DateOnly? LastActivity, bool Quiet, Volume Outcomes);
    public sealed record TrendRow(int Year, IReadOnlyDictionary<ActivityKind, int> ByKind, int Total);

    private sealed record ActivitySum(Guid? AgreementId, int Count, long Teachers, long Students, long Trainees, decimal Amount);

    private (SummaryFilters Filters, IReadOnlyList<AgreementFacts> Facts)? agreementsRead;
    private readonly SummaryRollups? rollups = live ? null : SummaryRollups.For(db);
    private SummaryRollups Rollups => rollups ?? throw new InvalidOperationException("This user reads no rollups.");

    /// <summary>Whether these filters are answered from the rollups (see the class summary).</summary>
    public bool UsesRollups(SummaryFilters filters) => filters.AllianceId is null && rollups is not null;

    /// <summary>Visible, current agreements matching the filters, each with the outcomes of its matching activities.
    /// Read once per report: the views of one page share it. From the rollups, agreements with the same provinces come
    /// as one, their outcomes added up: every view built on these places agreements by province or zone alone.</summary>
    public async Task<IReadOnlyList<AgreementFacts>> AgreementsAsync(SummaryFilters filters)
    {
        if (agreementsRead is { } read && ReferenceEquals(read.Filters, filters))
        {
            return read.Facts;
        }
        var facts = UsesRollups(filters) ? await ReadProvinceGroupsAsync(filters) : await ReadAgreementsAsync(filters, within: null);
        agreementsRead = (filters, facts);
        return facts;
    }

    /// <summary>Like <see cref="AgreementsAsync"/>, one by one and only those with a party under the region prefix:
    /// what the by-region table needs below the provinces.</summary>
    public Task<IReadOnlyList<AgreementFacts>> AgreementsWithinAsync(SummaryFilters filters, string regionPrefix) =>
        ReadAgreementsAsync(filters, regionPrefix);

    private async Task<IReadOnlyList<AgreementFacts>> ReadProvinceGroupsAsync(SummaryFilters filters)
    {
        var zones = await ZonesAsync();
        var places = (await Rollups.PlacesAsync(filters)).ToDictionary(p => p.Provinces, StringComparer.Ordinal);
        var groups = new List<AgreementFacts>();
        foreach (var group in (await Rollups.AgreementsAsync()).GroupBy(c => c.Provinces, StringComparer.Ordinal))
        {
            var provinces = group.Key.Split(',');
            if ((filters.ProvincePrefix is { } province && !provinces.Contains(province, StringComparer.Ordinal))
                || (filters.Zone is { } zone && !provinces.Any(p => zones.GetValueOrDefault(p) == zone)))
            {
                continue;
            }
            var p = places.GetValueOrDefault(group.Key);
            var outcomes = new Volume(group.Sum(c => c.Agreements), group.Where(c => c.Status == AgreementStatus.Active).Sum(c => c.Agreements),
                p?.Activities ?? 0, p?.Teachers ?? 0, p?.Students ?? 0, p?.Trainees ?? 0, p?.Amount ?? 0);
            groups.Add(new AgreementFacts(Guid.Empty, AgreementStatus.Active, null, [.. provinces.Select(code => code + "0000")], outcomes));
        }
        return groups;
    }

    private async Task<IReadOnlyList<AgreementFacts>> ReadAgreementsAsync(SummaryFilters filters, string? within)
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
        if (within is not null)
        {
            var pattern = within + "%";
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
        var sums = (await ActivitySumsAsync(filters, within)).Where(s => s.AgreementId is not null).ToDictionary(s => s.AgreementId!.Value);
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

    private async Task<List<ActivitySum>> ActivitySumsAsync(SummaryFilters filters, string? within)
    {
        var activities = Activities(filters);
        if (within is not null)
        {
            var pattern = within + "%";
            activities = activities.Where(a => a.Agreement != null && a.Agreement.Parties.Any(p => EF.Functions.Like(p.RegionCode, pattern)));
        }
        return await activities.GroupBy(a => a.AgreementId)
            .Select(g => new ActivitySum(g.Key, g.Count(), g.Sum(a => (long?)a.Teachers) ?? 0, g.Sum(a => (long?)a.Students) ?? 0,
                g.Sum(a => (long?)a.Trainees) ?? 0, g.Sum(a => a.AmountCny) ?? 0))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<RegionRow>> ProvinceNamesAsync() =>
        [.. (await regions.ProvincesAsync()).Select(p => new RegionRow(p.Code[..2], p.DisplayName(System.Globalization.CultureInfo.CurrentUICulture), Volume.Zero))];

    /// <summary>Financial support and equipment donations from a giver in the East to a receiver in the West: how many,
    /// and their amount or estimated value in CNY.</summary>
    public async Task<(int Count, decimal Amount)> SupportEastToWestAsync(SummaryFilters filters)
    {
        if (UsesRollups(filters))
        {
            var places = await Rollups.PlacesAsync(filters);
            return (places.Sum(p => p.Support), places.Sum(p => p.SupportAmount));
        }
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

    /// <summary>Alliances on one page of the by-alliance table, by name.</summary>
    public const int AlliancePageSize = 50;

    private sealed record AllianceHead(Guid Id, string Name, int Members);

    /// <summary>The by-alliance table: one page of it (<paramref name="page"/>), or every alliance (null: the exports).</summary>
    public async Task<PageOf<AllianceRow>> ByAllianceAsync(SummaryFilters filters, DateOnly today, int? page)
    {
        var chosen = db.Alliances.AsNoTracking().Where(a => filters.AllianceId == null || a.Id == filters.AllianceId);
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
        var ids = page is null ? null : shown.Items.Select(a => a.Id).ToList();
        ILookup<Guid, (AgreementStatus Status, int Count)> statusesOf;
        ILookup<Guid, SummaryRollups.AllianceKindCell> kindsOf;
        if (UsesRollups(filters) && db.Access.SeesEverything)
        {
            statusesOf = (await Rollups.AllianceStatusesAsync(ids)).ToLookup(s => s.AllianceId, s => (s.Status, s.Agreements));
            kindsOf = (await Rollups.AllianceKindsAsync(ids, filters)).ToLookup(k => k.AllianceId);
        }
        else
        {
            (statusesOf, kindsOf) = await AllianceFiguresAsync(filters, ids);
        }
        var quietSince = today.AddMonths(-12);
        AllianceRow Row(AllianceHead a)
        {
            var own = kindsOf[a.Id].ToList();
            DateOnly? last = own.Count > 0 ? own.Max(k => k.LastOn) : null;
            return new AllianceRow(a.Id, a.Name, a.Members,
                statusesOf[a.Id].ToDictionary(s => s.Status, s => s.Count),
                own.ToDictionary(k => k.Kind, k => k.Activities), last, last is null || last < quietSince,
                new Volume(0, 0, own.Sum(k => k.Activities), own.Sum(k => k.Teachers), own.Sum(k => k.Students), own.Sum(k => k.Trainees), own.Sum(k => k.Amount)));
        }
        return new PageOf<AllianceRow>([.. shown.Items.Select(Row)], shown.Page, shown.PageSize, shown.Total, shown.MoreThanTotal);
    }

    /// <summary>The by-alliance figures from the records, for the given alliances (every alliance when null):
    /// agreements by status, activities by kind. An activity counts for its own alliance, else its agreement's; for a
    /// page of alliances the two are read separately, so that each is an index read of those alliances.</summary>
    private async Task<(ILookup<Guid, (AgreementStatus, int)>, ILookup<Guid, SummaryRollups.AllianceKindCell>)> AllianceFiguresAsync(
        SummaryFilters filters, IReadOnlyList<Guid>? ids)
    {
        var agreements = db.Agreements.AsNoTracking().Where(a => !a.IsArchived && a.AllianceId != null);
        if (ids is not null)
        {
            agreements = agreements.Where(a => ids.Contains(a.AllianceId!.Value));
        }
        var statuses = await agreements
            .GroupBy(a => new { a.AllianceId, a.Status }).Select(g => new { g.Key.AllianceId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        var activities = Activities(filters);
        var sources = ids is null
            ? new[]
            {
                activities.Where(a => a.AllianceId != null || (a.Agreement != null && a.Agreement.AllianceId != null))
                    .GroupBy(a => new AllianceKindKey { AllianceId = a.AllianceId ?? a.Agreement!.AllianceId, Kind = a.Kind }).Select(KindTotals),
            }
            : new[]
            {
                activities.Where(a => a.AllianceId != null && ids.Contains(a.AllianceId.Value))
                    .GroupBy(a => new AllianceKindKey { AllianceId = a.AllianceId, Kind = a.Kind }).Select(KindTotals),
                activities.Where(a => a.AllianceId == null && a.Agreement != null && ids.Contains(a.Agreement.AllianceId!.Value))
                    .GroupBy(a => new AllianceKindKey { AllianceId = a.Agreement!.AllianceId, Kind = a.Kind }).Select(KindTotals),
            };
        var kinds = new List<KindTotal>();
        foreach (var source in sources)
        {
            kinds.AddRange(await source.ToListAsync());
        }
        var merged = kinds.GroupBy(k => (AllianceId: k.AllianceId!.Value, k.Kind)).Select(g => new SummaryRollups.AllianceKindCell(
            g.Key.AllianceId, g.Key.Kind, g.Sum(k => k.Count), g.Sum(k => k.Teachers), g.Sum(k => k.Students), g.Sum(k => k.Trainees),
            g.Sum(k => k.Amount), g.Max(k => k.Last)));
        return (statuses.ToLookup(s => s.AllianceId!.Value, s => (s.Status, s.Count)), merged.ToLookup(k => k.AllianceId));
    }

    private sealed class AllianceKindKey
    {
        public Guid? AllianceId { get; init; }
        public ActivityKind Kind { get; init; }
    }

    private sealed class KindTotal
    {
        public Guid? AllianceId { get; init; }
        public ActivityKind Kind { get; init; }
        public int Count { get; init; }
        public DateOnly Last { get; init; }
        public long Teachers { get; init; }
        public long Students { get; init; }
        public long Trainees { get; init; }
        public decimal Amount { get; init; }
    }

    private static readonly System.Linq.Expressions.Expression<Func<IGrouping<AllianceKindKey, CooperationActivity>, KindTotal>> KindTotals =
        g => new KindTotal
        {
            AllianceId = g.Key.AllianceId, Kind = g.Key.Kind, Count = g.Count(), Last = g.Max(a => a.StartsOn),
            Teachers = g.Sum(a => (long?)a.Teachers) ?? 0, Students = g.Sum(a => (long?)a.Students) ?? 0,
            Trainees = g.Sum(a => (long?)a.Trainees) ?? 0, Amount = g.Sum(a => a.AmountCny) ?? 0,
        };

    public async Task<IReadOnlyList<TrendRow>> TrendsAsync(SummaryFilters filters)
    {
        if (UsesRollups(filters))
        {
            return [.. (await Rollups.TrendsAsync(filters)).GroupBy(c => c.Year).OrderBy(g => g.Key)
                .Select(g => new TrendRow(g.Key, g.ToDictionary(c => c.Kind, c => c.Activities), g.Sum(c => c.Activities)))];
        }
        var counts = await Activities(filters)
            .GroupBy(a => new { a.StartsOn.Year, a.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() })
            .ToListAsync();
        return [.. counts.GroupBy(c => c.Year).OrderBy(g => g.Key)
            .Select(g => new TrendRow(g.Key, g.ToDictionary(c => c.Kind, c => c.Count), g.Sum(c => c.Count)))];
    }
}
