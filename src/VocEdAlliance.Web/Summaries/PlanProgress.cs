using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>Plans against actuals: the one definition of a yearly plan's actuals (the plan's page and the summaries
/// both use it) — the current activities of its agreement (or of its alliance and the alliance's agreements, or of its
/// bureau's jurisdiction) that started in the plan's year, and the schools it covers (<see cref="SchoolsOfAsync"/>),
/// counted per indicator by <see cref="PlanTargets.Actual"/> — and of its late items (activities of the year recorded
/// after the reporting deadline, China time).</summary>
public sealed class PlanProgress(AppDbContext db, TimeProvider clock)
{
    /// <summary>An approved plan with what its year achieved: where its owner has a place (provinces), its alliance.</summary>
    public sealed record PlanFacts(Guid Id, string Owner, Guid? AllianceId, int Year, IReadOnlyList<string> Provinces, PlanTargets Targets,
        IReadOnlyDictionary<Indicator, decimal> Actuals, int Late);

    /// <summary>The current activities a plan counts.</summary>
    public static IQueryable<CooperationActivity> ActivitiesOf(AppDbContext db, YearlyPlan plan)
    {
        var start = new DateOnly(plan.Year, 1, 1);
        var end = new DateOnly(plan.Year, 12, 31);
        var activities = db.Activities.AsNoTracking().Where(a => !a.IsArchived && a.StartsOn >= start && a.StartsOn <= end);
        if (plan.BureauId is not null)
        {
            // A bureau's plan: every activity that involves its jurisdiction.
            var key = (plan.Bureau ?? throw new InvalidOperationException("A bureau's plan is counted with its bureau loaded")).JurisdictionKey;
            return activities.Where(a => EF.Property<List<string>>(a, AppDbContext.ActivityAccessKeys).Contains(key));
        }
        return activities.Where(a => plan.AgreementId != null
            ? a.AgreementId == plan.AgreementId
            : a.AllianceId == plan.AllianceId || (a.Agreement != null && a.Agreement.AllianceId == plan.AllianceId));
    }

    /// <summary>The kinds of institution counted as schools (中职, 高职, technician schools).</summary>
    private static readonly InstitutionKind[] SchoolKinds =
        [InstitutionKind.SecondaryVocationalSchool, InstitutionKind.HigherVocationalCollege, InstitutionKind.TechnicianSchool];

    /// <summary>The schools a plan covers in its year and what they enrolled: the agreement's school parties, the
    /// alliance's school members, or the schools registered in the bureau's jurisdiction — each counted when founded in
    /// or before the year (or with no founding year) — and the sum of their programmes' enrolment that year. Read past
    /// the access filter: a plan's figure is the same whoever reads it (a pairing's plan counts the school on the other
    /// side too; only the total is shown).</summary>
    public static async Task<PlanSchools> SchoolsOfAsync(AppDbContext db, YearlyPlan plan)
    {
        var year = plan.Year;
        var schools = db.Institutions.IgnoreQueryFilters().AsNoTracking()
            .Where(i => SchoolKinds.Contains(i.Kind) && (i.FoundedYear == null || i.FoundedYear <= year));
        if (plan.AgreementId is { } agreementId)
        {
            schools = schools.Where(i => db.Set<AgreementParty>().IgnoreQueryFilters().Any(p => p.AgreementId == agreementId && p.OrganisationId == i.Id));
        }
        else if (plan.AllianceId is { } allianceId)
        {
            schools = schools.Where(i => db.Set<AllianceMember>().IgnoreQueryFilters().Any(m => m.AllianceId == allianceId && m.OrganisationId == i.Id));
        }
        else
        {
            var prefix = RegionCode.JurisdictionPrefix((plan.Bureau ?? await db.Bureaus.IgnoreQueryFilters().SingleAsync(b => b.Id == plan.BureauId)).RegionCode);
            schools = schools.Where(i => i.RegionCode.StartsWith(prefix));
        }
        var ids = await schools.Select(i => i.Id).ToListAsync();
        var years = await db.Programmes.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.InstitutionId)).Select(p => p.Years).ToListAsync();
        return new PlanSchools(ids.Count, years.SelectMany(y => y).Where(y => y.Year == year).Sum(y => y.Enrolment ?? 0));
    }

    /// <summary>The approved plans the reader may see, within the filters: the plan's year in the years asked, the
    /// alliance's plans and its agreements' (with an alliance chosen), a place in the province or zone. The kind of
    /// activity does not narrow plans: each indicator says which activities it counts.</summary>
    public async Task<IReadOnlyList<PlanFacts>> ApprovedAsync(SummaryFilters filters, IReadOnlyDictionary<string, MacroZone> zones)
    {
        var plans = db.Plans.AsNoTracking().Include(p => p.Agreement).ThenInclude(a => a!.Parties).Include(p => p.Alliance).Include(p => p.Bureau)
            .Where(p => p.Status == PlanStatus.Approved && (p.Agreement == null || !p.Agreement.IsArchived));
        if (filters.FromYear is { } from)
        {
            plans = plans.Where(p => p.Year >= from);
        }
        if (filters.ToYear is { } to)
        {
            plans = plans.Where(p => p.Year <= to);
        }
        if (filters.AllianceId is { } alliance)
        {
            plans = plans.Where(p => p.AllianceId == alliance || (p.Agreement != null && p.Agreement.AllianceId == alliance));
        }
        var found = new List<PlanFacts>();
        foreach (var plan in await plans.OrderBy(p => p.Year).ThenBy(p => p.Id).ToListAsync())
        {
            var provinces = (plan.Agreement is { } agreement ? agreement.Parties.Select(p => p.RegionCode[..2])
                    : plan.Bureau is { } bureau ? [bureau.RegionCode[..2]]
                    : plan.Alliance!.AccessKeys.Where(k => k.Length == 4 && k.StartsWith("r:", StringComparison.Ordinal)).Select(k => k[2..]))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if ((filters.ProvincePrefix is { } province && !provinces.Contains(province))
                || (filters.Zone is { } zone && !provinces.Any(p => zones.GetValueOrDefault(p) == zone)))
            {
                continue;
            }
            var activities = await ActivitiesOf(db, plan).ToListAsync();
            var schools = plan.Targets.Schools is not null || plan.Targets.Enrolment is not null ? await SchoolsOfAsync(db, plan) : PlanSchools.None;
            var businessTime = clock.LocalTimeZone;
            found.Add(new PlanFacts(plan.Id, plan.OwnerName, plan.AllianceId ?? plan.Agreement?.AllianceId, plan.Year, provinces, plan.Targets,
                Enum.GetValues<Indicator>().ToDictionary(i => i, i => PlanTargets.Actual(i, activities, schools)),
                activities.Count(a => plan.IsLate(a, businessTime))));
        }
        return found;
    }

    /// <summary>Target, actual and completion of one indicator over several plans (the plans that set a target for it).</summary>
    public sealed record Completion(Indicator Indicator, int Plans, decimal Target, decimal Actual)
    {
        /// <summary>Actual as a percentage of target, to one decimal; none without a target.</summary>
        public decimal? Percent => Target > 0 ? Math.Round(Actual / Target * 100, 1) : null;
    }

    /// <summary>Completion per indicator of the given plans: each plan counts for an indicator only when it set a target.</summary>
    public static IReadOnlyList<Completion> Completions(IEnumerable<PlanFacts> plans)
    {
        var list = plans.ToList();
        return [.. Enum.GetValues<Indicator>()
            .Select(i => (Indicator: i, Setting: list.Where(p => p.Targets.For(i) is not null).ToList()))
            .Where(x => x.Setting.Count > 0)
            .Select(x => new Completion(x.Indicator, x.Setting.Count, x.Setting.Sum(p => p.Targets.For(x.Indicator)!.Value),
                x.Setting.Sum(p => p.Actuals[x.Indicator])))];
    }
}
