using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.Web.Summaries;

/// <summary>What activities produced: how many, people, money, and the East→West support among them.</summary>
public sealed record Outcomes(int Activities, long Teachers, long Students, long Trainees, decimal Amount, int Support, decimal SupportAmount)
{
    public static Outcomes Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public Outcomes Add(Outcomes other) => new(Activities + other.Activities, Teachers + other.Teachers, Students + other.Students,
        Trainees + other.Trainees, Amount + other.Amount, Support + other.Support, SupportAmount + other.SupportAmount);
}

/// <summary>Agreements of one status counted together: <paramref name="Where"/> is the region key they were read for
/// (a drill-down row) or empty, <paramref name="Key"/> the alliance or agreement they belong to (ledger reads) or
/// empty, <paramref name="Provinces"/> where they count ("43,52").</summary>
public sealed record AgreementFact(string Where, Guid Key, string Provinces, AgreementStatus Status, int Agreements);

/// <summary>Activities counted together, within the filters' years and kind (see <see cref="AgreementFact"/>); the
/// date of the latest, from ledger reads.</summary>
public sealed record ActivityFact(string Where, Guid Key, string Provinces, Outcomes Outcomes, DateOnly? LastOn);

/// <summary>How many activities of one kind started in a year, within every filter (the province and zone included).</summary>
public sealed record TrendFact(int Year, ActivityKind Kind, int Activities);

/// <summary>The facts every panel is computed from, already narrowed to the filters' years and kind (and the trends to
/// every filter).</summary>
public sealed record SummaryFacts(IReadOnlyList<AgreementFact> Agreements, IReadOnlyList<ActivityFact> Activities, IReadOnlyList<TrendFact> Trends);

/// <summary>Reads the summaries read model that <c>Summaries/Sql/V002_summary_rules.sql</c> defines and keeps: the
/// ledger (what each agreement, with its activities, and each alliance's own activities contribute) and the cells (the
/// ledger added up for the country and for every region key). Every change to an agreement, its parties or an activity
/// marks its owner in <c>summary_pending</c> in the same transaction; <see cref="CatchUpAsync"/> recounts those owners
/// before anything is read, so a summary always reflects every committed change. A bureau reads its own region key's
/// cells, so its figures can only ever come from what is placed in its jurisdiction.</summary>
public sealed class SummaryStore(AppDbContext db, string scope)
{
    /// <summary>The scope of a user who sees the whole country.</summary>
    public const string Country = "*";

    /// <summary>The read model the signed-in user reads: the country's (ministry, system admin), the bureau's own region
    /// key's, or none (anyone else has no summaries).</summary>
    public static SummaryStore? For(AppDbContext db) =>
        db.Access.SeesEverything ? new SummaryStore(db, Country)
        : db.Access.Key.StartsWith("r:", StringComparison.Ordinal) ? new SummaryStore(db, db.Access.Key)
        : null;

    /// <summary>The reader's scope: <see cref="Country"/> or a region key (<c>r:43</c>).</summary>
    public string Scope => scope;

    /// <summary>The region prefix of the reader's jurisdiction ("" for the country).</summary>
    public string Jurisdiction => scope == Country ? string.Empty : scope[2..];

    private sealed record AgreementRow(string Place, Guid Key, string Provinces, string Status, long N);
    private sealed record ActivityRow(string Place, Guid Key, string Provinces, long N, long Teachers, long Students,
        long Trainees, decimal Amount, long SupportN, decimal SupportAmount, DateOnly? LastOn);
    private sealed record TrendRow(int Year, string Kind, long N);

    private bool caughtUp;

    /// <summary>Recounts what changed since the cells were last brought up to date (usually nothing, or a few owners).</summary>
    public async Task CatchUpAsync()
    {
        if (!caughtUp)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await db.Database.ExecuteSqlRawAsync("SELECT summary_catch_up()");
            Platform.PortalMetrics.CatchUpTook(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            caughtUp = true;
        }
    }

    /// <summary>Catches up and returns the version of the summaries: it grows with every change to what they show.</summary>
    public async Task<long> VersionAsync()
    {
        var version = await db.Database.SqlQuery<long>($"""SELECT summary_current_version() AS "Value" """).SingleAsync();
        caughtUp = true;
        return version;
    }

    /// <summary>How many current agreements placed in the reader's scope have the status.</summary>
    public async Task<int> AgreementCountAsync(AgreementStatus status)
    {
        await CatchUpAsync();
        var counted = await db.Database.SqlQuery<long>($"""
            SELECT COALESCE(sum(n), 0)::bigint AS "Value" FROM summary_cells
            WHERE scope = {scope} AND view = 'agreements' AND status = {status.ToString()}
            """).SingleAsync();
        return (int)counted;
    }

    /// <summary>The facts of the reader's scope (<paramref name="below"/> null), or of each region one level below the
    /// given prefix, each fact's <see cref="AgreementFact.Where"/> naming its region's key (a drill-down: the prefix must
    /// lie within the reader's jurisdiction; no trends). Without a year or kind filter the totals views answer (a row per
    /// set of provinces); without a province or zone filter the trend view does.</summary>
    public async Task<SummaryFacts> CellsAsync(SummaryFilters filters, string? below, IReadOnlyList<string> zoneProvinces)
    {
        await CatchUpAsync();
        // Every key below the prefix sorts between "r:43" and "r:43~"; the length picks one level.
        var (low, high, length) = below is null ? (scope, scope, scope.Length) : ("r:" + below, "r:" + below + "~", below.Length + 4);
        var (mode, from, to, kind) = Bounds(filters);
        var agreements = await (mode == "all"
            ? db.Database.SqlQuery<AgreementRow>($"""
                SELECT scope AS place, '00000000-0000-0000-0000-000000000000'::uuid AS key, provinces, status, sum(n)::bigint AS n
                FROM summary_cells
                WHERE view = 'agreement_totals' AND scope BETWEEN {low} AND {high} AND length(scope) = {length}
                GROUP BY scope, provinces, status HAVING sum(n) <> 0
                """)
            : db.Database.SqlQuery<AgreementRow>($"""
                SELECT scope AS place, '00000000-0000-0000-0000-000000000000'::uuid AS key, provinces, status, sum(n)::bigint AS n
                FROM summary_cells
                WHERE view = 'agreements' AND scope BETWEEN {low} AND {high} AND length(scope) = {length}
                  AND ({mode} = 'signed' AND year BETWEEN {from} AND {to}
                       OR {mode} = 'inforce' AND status IN ('Active', 'Expired', 'Terminated') AND year <= {to} AND until_year >= {from})
                GROUP BY scope, provinces, status HAVING sum(n) <> 0
                """)).ToListAsync();
        // The view that answers the years and kind asked with the fewest rows.
        var view = filters.Kind is not null ? "activities" : filters.HasYears ? "activities_year" : "activity_totals";
        var activities = await db.Database.SqlQuery<ActivityRow>($"""
            SELECT scope AS place, '00000000-0000-0000-0000-000000000000'::uuid AS key, provinces, sum(n)::bigint AS n,
                   sum(teachers)::bigint AS teachers, sum(students)::bigint AS students, sum(trainees)::bigint AS trainees,
                   sum(amount) AS amount, sum(support_n)::bigint AS support_n, sum(support_amount) AS support_amount, NULL::date AS last_on
            FROM summary_cells
            WHERE view = {view} AND scope BETWEEN {low} AND {high} AND length(scope) = {length}
              AND kind = {kind} AND year BETWEEN {(view == "activity_totals" ? 0 : from)} AND {(view == "activity_totals" ? 0 : to)}
            GROUP BY scope, provinces HAVING sum(n) <> 0
            """).ToListAsync();
        List<TrendRow> trends = [];
        if (below is null)
        {
            var (province, zone) = Places(filters, zoneProvinces);
            // One province or one zone has trend cells of its own (for the country and the provinces); anything else is
            // narrowed here from the activity cells.
            var placeTrends = scope == Country || scope.Length == 4;
            var (trendView, place) = (province.Length > 0, zone.Length > 0) switch
            {
                (false, false) => ("trend", string.Empty),
                (true, false) when placeTrends => ("province_trend", province),
                (false, true) when placeTrends => ("zone_trend", filters.Zone.ToString()!),
                _ => ("activities", (string?)null),
            };
            trends = await (place is not null
                ? db.Database.SqlQuery<TrendRow>($"""
                    SELECT year, kind, sum(n)::bigint AS n FROM summary_cells
                    WHERE scope = {scope} AND view = {trendView} AND provinces = {place}
                      AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
                    GROUP BY year, kind HAVING sum(n) <> 0
                    """)
                : db.Database.SqlQuery<TrendRow>($"""
                    SELECT year, kind, sum(n)::bigint AS n FROM summary_cells
                    WHERE scope = {scope} AND view = 'activities' AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
                      AND ({province} = '' OR (',' || provinces || ',') LIKE {"%," + province + ",%"})
                      AND (cardinality({zone}) = 0 OR string_to_array(provinces, ',') && {zone})
                    GROUP BY year, kind HAVING sum(n) <> 0
                    """)).ToListAsync();
        }
        return Facts(below is null, agreements, activities, trends);
    }

    /// <summary>What belongs to the given alliances (an agreement of the alliance, an activity of it or of its agreements)
    /// and is placed in the reader's scope, keyed by alliance: from the ledger, an index read of those alliances.</summary>
    public Task<SummaryFacts> AlliancesAsync(SummaryFilters filters, IReadOnlyCollection<Guid> alliances, string? below,
        IReadOnlyList<string> zoneProvinces, bool withTrends = true) =>
        LedgerAsync("alliance_id", filters, alliances, below, withTrends ? zoneProvinces : null);

    /// <summary>What the given agreements contribute (with their activities), keyed by agreement.</summary>
    public Task<SummaryFacts> AgreementsAsync(SummaryFilters filters, IReadOnlyCollection<Guid> agreements) =>
        LedgerAsync("owner_id", filters, agreements, null, null);

    /// <param name="zoneProvinces">The zone's provinces for the trends; null: no trends wanted.</param>
    private async Task<SummaryFacts> LedgerAsync(string keyColumn, SummaryFilters filters, IReadOnlyCollection<Guid> keys, string? below,
        IReadOnlyList<string>? zoneProvinces)
    {
        await CatchUpAsync();
        if (keys.Count == 0)
        {
            return new SummaryFacts([], [], []);
        }
        var ids = keys.ToArray();
        var pattern = below is null ? string.Empty : "r:" + below + "%";
        var length = below is null ? 0 : below.Length + 4;
        var everything = scope == Country;
        var (mode, from, to, kind) = Bounds(filters);
        // The key column is one of two names fixed here; every value is a parameter.
        var agreements = await db.Database.SqlQuery<AgreementRow>(FormattableStringFactory.Create($$"""
            SELECT s.place, l.{{keyColumn}} AS key, l.provinces, l.status, sum(l.n)::bigint AS n
            FROM summary_ledger l
            CROSS JOIN LATERAL unnest(CASE WHEN {3} = '' THEN ARRAY['']::text[] ELSE l.place_scopes END) AS s (place)
            WHERE l.kind = '' AND l.{{keyColumn}} = ANY ({0}) AND ({1} OR {2} = ANY (l.place_scopes))
              AND ({3} = '' OR (s.place LIKE {3} AND length(s.place) = {7}))
              AND ({4} = 'all' OR ({4} = 'signed' AND l.year BETWEEN {5} AND {6})
                   OR ({4} = 'inforce' AND l.status IN ('Active', 'Expired', 'Terminated') AND l.year <= {6} AND l.until_year >= {5}))
            GROUP BY s.place, l.{{keyColumn}}, l.provinces, l.status HAVING sum(l.n) <> 0
            """, ids, everything, scope, pattern, mode, from, to, length)).ToListAsync();
        var activities = await db.Database.SqlQuery<ActivityRow>(FormattableStringFactory.Create($$"""
            SELECT s.place, l.{{keyColumn}} AS key, l.provinces, sum(l.n)::bigint AS n, sum(l.teachers)::bigint AS teachers,
                   sum(l.students)::bigint AS students, sum(l.trainees)::bigint AS trainees, sum(l.amount) AS amount,
                   sum(l.support_n)::bigint AS support_n, sum(l.support_amount) AS support_amount, max(l.last_on) AS last_on
            FROM summary_ledger l
            CROSS JOIN LATERAL unnest(CASE WHEN {3} = '' THEN ARRAY['']::text[] ELSE l.place_scopes END) AS s (place)
            WHERE l.kind <> '' AND l.{{keyColumn}} = ANY ({0}) AND ({1} OR {2} = ANY (l.place_scopes))
              AND ({3} = '' OR (s.place LIKE {3} AND length(s.place) = {7}))
              AND l.year BETWEEN {4} AND {5} AND ({6} = '' OR l.kind = {6})
            GROUP BY s.place, l.{{keyColumn}}, l.provinces HAVING sum(l.n) <> 0
            """, ids, everything, scope, pattern, from, to, kind, length)).ToListAsync();
        List<TrendRow> trends = [];
        if (below is null && zoneProvinces is not null)
        {
            var (province, zone) = Places(filters, zoneProvinces);
            trends = await db.Database.SqlQuery<TrendRow>(FormattableStringFactory.Create($$"""
                SELECT l.year, l.kind, sum(l.n)::bigint AS n
                FROM summary_ledger l
                WHERE l.kind <> '' AND l.{{keyColumn}} = ANY ({0}) AND ({1} OR {2} = ANY (l.place_scopes))
                  AND l.year BETWEEN {3} AND {4} AND ({5} = '' OR l.kind = {5})
                  AND ({6} = '' OR (',' || l.provinces || ',') LIKE {7})
                  AND (cardinality({8}) = 0 OR string_to_array(l.provinces, ',') && {8})
                GROUP BY l.year, l.kind HAVING sum(l.n) <> 0
                """, ids, everything, scope, from, to, kind, province, "%," + province + ",%", zone)).ToListAsync();
        }
        return Facts(below is null, agreements, activities, trends);
    }

    /// <summary>The province filter (a 2-digit prefix or "") and the zone's provinces (or none).</summary>
    private static (string Province, string[] Zone) Places(SummaryFilters filters, IReadOnlyList<string> zoneProvinces) =>
        (filters.ProvincePrefix ?? string.Empty, filters.Zone is null ? [] : [.. zoneProvinces]);

    private static SummaryFacts Facts(bool ownScope, List<AgreementRow> agreements, List<ActivityRow> activities, List<TrendRow> trends) => new(
        [.. agreements.Select(r => new AgreementFact(ownScope ? string.Empty : r.Place, r.Key, r.Provinces, Enum.Parse<AgreementStatus>(r.Status), (int)r.N))],
        [.. activities.Select(r => new ActivityFact(ownScope ? string.Empty : r.Place, r.Key, r.Provinces,
            new Outcomes((int)r.N, r.Teachers, r.Students, r.Trainees, r.Amount, (int)r.SupportN, r.SupportAmount), r.LastOn))],
        [.. trends.Select(r => new TrendFact(r.Year, Enum.Parse<ActivityKind>(r.Kind), (int)r.N))]);

    /// <summary>The filters' years and kind as the SQL takes them: the agreements' rule ("all" when no year is given).</summary>
    private static (string Mode, int From, int To, string Kind) Bounds(SummaryFilters filters) =>
        (!filters.HasYears ? "all" : filters.Years == YearMode.InForceWithin ? "inforce" : "signed",
         filters.FromYear ?? 0, filters.ToYear ?? 9999, filters.Kind?.ToString() ?? string.Empty);
}
