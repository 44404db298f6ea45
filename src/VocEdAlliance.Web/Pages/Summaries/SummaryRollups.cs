using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>The summaries, read from the rollups the database keeps (migration <c>SummaryRollups</c>):
/// <c>summary_cells</c> holds current agreements by (provinces, alliance, status) and their activities by (provinces,
/// year, kind), (alliance, year, kind) and (year, kind). Every change to an agreement, its parties or an activity marks its owner in
/// <c>summary_pending</c> in the same transaction; <see cref="CatchUpAsync"/> recounts those owners before the cells are
/// read, so a summary always reflects every committed change. The cells are kept for the whole country (scope "*") and
/// for each region access key a record carries, so a bureau (which holds one such key) reads its own scope's cells and
/// nothing else; the by-alliance cells are kept for the whole country only.</summary>
public sealed class SummaryRollups(AppDbContext db, string scope)
{
    /// <summary>The scope of a user who sees the whole country.</summary>
    public const string Country = "*";

    /// <summary>The rollups the signed-in user reads: the country's (ministry, system admin), the bureau's own region
    /// key's, or none (anyone else reads the records through the access filter).</summary>
    public static SummaryRollups? For(AppDbContext db) =>
        db.Access.SeesEverything ? new SummaryRollups(db, Country)
        : db.Access.Key.StartsWith("r:", StringComparison.Ordinal) ? new SummaryRollups(db, db.Access.Key)
        : null;

    private const string NoAlliance = "00000000-0000-0000-0000-000000000000";

    public sealed record AgreementCell(string Provinces, AgreementStatus Status, int Agreements);

    public sealed record PlaceCell(string Provinces, int Activities, long Teachers, long Students, long Trainees, decimal Amount,
        int Support, decimal SupportAmount);

    public sealed record AllianceStatusCell(Guid AllianceId, AgreementStatus Status, int Agreements);

    public sealed record AllianceKindCell(Guid AllianceId, ActivityKind Kind, int Activities, long Teachers, long Students,
        long Trainees, decimal Amount, DateOnly? LastOn);

    public sealed record TrendCell(int Year, ActivityKind Kind, int Activities);

    // Raw rows as PostgreSQL returns them (enums are stored as text); SqlQuery maps columns by snake_case name.
    private sealed record AgreementRow(string Provinces, string Status, long N);
    private sealed record PlaceRow(string Provinces, long N, long Teachers, long Students, long Trainees, decimal Amount, long SupportN, decimal SupportAmount);
    private sealed record AllianceStatusRow(Guid AllianceId, string Status, long N);
    private sealed record AllianceKindRow(Guid AllianceId, string Kind, long N, long Teachers, long Students, long Trainees, decimal Amount, DateOnly? LastOn);
    private sealed record TrendRow(int Year, string Kind, long N);

    private bool caughtUp;

    /// <summary>Recounts what changed since the cells were last brought up to date (usually nothing, or a few owners).</summary>
    public async Task CatchUpAsync()
    {
        if (!caughtUp)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT summary_catch_up()");
            caughtUp = true;
        }
    }

    /// <summary>Current agreements by their provinces (comma-separated 2-digit prefixes) and status.</summary>
    public async Task<IReadOnlyList<AgreementCell>> AgreementsAsync()
    {
        await CatchUpAsync();
        var rows = await db.Database.SqlQuery<AgreementRow>($"""
            SELECT provinces, status, sum(n)::bigint AS n FROM summary_cells
            WHERE scope = {scope} AND view = 'agreements' AND provinces <> '' GROUP BY provinces, status HAVING sum(n) <> 0
            """).ToListAsync();
        return [.. rows.Select(r => new AgreementCell(r.Provinces, Enum.Parse<AgreementStatus>(r.Status), (int)r.N))];
    }

    /// <summary>How many current agreements of this scope have the status.</summary>
    public async Task<int> AgreementCountAsync(AgreementStatus status)
    {
        await CatchUpAsync();
        var counted = await db.Database.SqlQuery<long>($"""
            SELECT COALESCE(sum(n), 0)::bigint AS "Value" FROM summary_cells
            WHERE scope = {scope} AND view = 'agreements' AND status = {status.ToString()}
            """).SingleAsync();
        return (int)counted;
    }

    /// <summary>Activities of current agreements by the agreements' provinces, within the filters' years and kind.
    /// Activities on an alliance alone are under provinces "-".</summary>
    public async Task<IReadOnlyList<PlaceCell>> PlacesAsync(SummaryFilters filters)
    {
        if (placesRead is { } read && ReferenceEquals(read.Filters, filters))
        {
            return read.Cells;
        }
        var cells = await ReadPlacesAsync(filters);
        placesRead = (filters, cells);
        return cells;
    }

    private (SummaryFilters Filters, IReadOnlyList<PlaceCell> Cells)? placesRead;

    private async Task<IReadOnlyList<PlaceCell>> ReadPlacesAsync(SummaryFilters filters)
    {
        await CatchUpAsync();
        var (from, to, kind) = Bounds(filters);
        var rows = await db.Database.SqlQuery<PlaceRow>($"""
            SELECT provinces, sum(n)::bigint AS n, sum(teachers)::bigint AS teachers, sum(students)::bigint AS students,
                   sum(trainees)::bigint AS trainees, sum(amount) AS amount, sum(support_n)::bigint AS support_n,
                   sum(support_amount) AS support_amount
            FROM summary_cells
            WHERE scope = {scope} AND view = 'place' AND provinces <> '' AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
            GROUP BY provinces HAVING sum(n) <> 0
            """).ToListAsync();
        return [.. rows.Select(r => new PlaceCell(r.Provinces, (int)r.N, r.Teachers, r.Students, r.Trainees, r.Amount, (int)r.SupportN, r.SupportAmount))];
    }

    public async Task<IReadOnlyList<TrendCell>> TrendsAsync(SummaryFilters filters)
    {
        await CatchUpAsync();
        var (from, to, kind) = Bounds(filters);
        var rows = await db.Database.SqlQuery<TrendRow>($"""
            SELECT year, kind, sum(n)::bigint AS n FROM summary_cells
            WHERE scope = {scope} AND view = 'trend' AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
            GROUP BY year, kind HAVING sum(n) <> 0
            """).ToListAsync();
        return [.. rows.Select(r => new TrendCell(r.Year, Enum.Parse<ActivityKind>(r.Kind), (int)r.N))];
    }

    /// <summary>Current agreements of the given alliances (every alliance when null) by status.</summary>
    public async Task<IReadOnlyList<AllianceStatusCell>> AllianceStatusesAsync(IReadOnlyCollection<Guid>? alliances)
    {
        await CatchUpAsync();
        var rows = await (alliances is null
            ? db.Database.SqlQuery<AllianceStatusRow>($"""
                SELECT alliance_id, status, sum(n)::bigint AS n FROM summary_cells
                WHERE scope = {scope} AND view = 'agreements' AND alliance_id <> {NoAlliance}::uuid
                GROUP BY alliance_id, status HAVING sum(n) <> 0
                """)
            : db.Database.SqlQuery<AllianceStatusRow>($"""
                SELECT alliance_id, status, sum(n)::bigint AS n FROM summary_cells
                WHERE scope = {scope} AND view = 'agreements' AND alliance_id = ANY ({alliances.ToArray()})
                GROUP BY alliance_id, status HAVING sum(n) <> 0
                """)).ToListAsync();
        return [.. rows.Select(r => new AllianceStatusCell(r.AllianceId, Enum.Parse<AgreementStatus>(r.Status), (int)r.N))];
    }

    /// <summary>Activities of the given alliances (every alliance when null) by kind, within the filters' years and kind:
    /// for the whole country only.</summary>
    public async Task<IReadOnlyList<AllianceKindCell>> AllianceKindsAsync(IReadOnlyCollection<Guid>? alliances, SummaryFilters filters)
    {
        await CatchUpAsync();
        var (from, to, kind) = Bounds(filters);
        var rows = await (alliances is null
            ? db.Database.SqlQuery<AllianceKindRow>($"""
                SELECT alliance_id, kind, sum(n)::bigint AS n, sum(teachers)::bigint AS teachers, sum(students)::bigint AS students,
                       sum(trainees)::bigint AS trainees, sum(amount) AS amount, max(last_on) AS last_on
                FROM summary_cells
                WHERE scope = {Country} AND view = 'alliance' AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
                GROUP BY alliance_id, kind HAVING sum(n) <> 0
                """)
            : db.Database.SqlQuery<AllianceKindRow>($"""
                SELECT alliance_id, kind, sum(n)::bigint AS n, sum(teachers)::bigint AS teachers, sum(students)::bigint AS students,
                       sum(trainees)::bigint AS trainees, sum(amount) AS amount, max(last_on) AS last_on
                FROM summary_cells
                WHERE scope = {Country} AND view = 'alliance' AND provinces = '' AND alliance_id = ANY ({alliances.ToArray()})
                  AND year BETWEEN {from} AND {to} AND ({kind} = '' OR kind = {kind})
                GROUP BY alliance_id, kind HAVING sum(n) <> 0
                """)).ToListAsync();
        return [.. rows.Select(r => new AllianceKindCell(r.AllianceId, Enum.Parse<ActivityKind>(r.Kind), (int)r.N, r.Teachers,
            r.Students, r.Trainees, r.Amount, r.LastOn))];
    }

    private static (int From, int To, string Kind) Bounds(SummaryFilters filters) =>
        (filters.FromYear ?? 0, filters.ToYear ?? 9999, filters.Kind?.ToString() ?? string.Empty);
}
