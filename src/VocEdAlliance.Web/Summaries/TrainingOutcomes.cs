using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>What one training (or the total of them: <paramref name="Id"/> null) brought about: the people it trained
/// or taught, how many of them were in work after it, the families it helped and the leaders it produced.</summary>
/// <param name="TrainedReportingEmployment">The trained of the trainings that report their employed: the employment
/// rate divides by these only (a training that reports none is not counted as placing nobody).</param>
public sealed record TrainingFigures(Guid? Id, string? Title, PartialDate? Starts, PartialDate? Ends, long Trained, long? Employed,
    long TrainedReportingEmployment, long? HouseholdsBenefited, long? IndustryLeaders)
{
    public Share EmploymentRate => Employed is { } employed ? Share.Of(employed, TrainedReportingEmployment) : new Share(null);
}

/// <summary>The one definition of the training outcomes (docs/summaries.md, "Training outcomes"): the activities the
/// reader may see (the access filter), not archived nor withdrawn with their agreement, that report an outcome beyond a
/// head count — employed, families benefited or leaders produced —, started in the filters' years, of the
/// filters' kind and alliance, in the filters' place (an activity is where its agreement's parties are, or, recorded on
/// an alliance alone, where the alliance's members are). The summaries' table and an activity's page read it from here.</summary>
public sealed class TrainingOutcomes(AppDbContext db)
{
    /// <summary>The rows the page lists (the largest trainings first; the exports hold them all).</summary>
    public const int Listed = 50;

    /// <summary>The employment rate of one activity's outcomes (none when it reports no employed or trained no one).</summary>
    public static Share RateOf(ActivityOutcomes outcomes) =>
        outcomes is { Employed: { } employed, Trained: { } trained } ? Share.Of(employed, trained) : new Share(null);

    /// <summary>The total row first (the page lists the first <see cref="Listed"/> rows only), then one row per training,
    /// largest first.</summary>
    public async Task<IReadOnlyList<TrainingFigures>> ByTrainingAsync(SummaryFilters filters, IReadOnlyDictionary<string, MacroZone> zones)
    {
        var query = db.Activities.AsNoTracking()
            .Where(a => !a.IsArchived && (a.Agreement == null || !a.Agreement.IsArchived)
                        && (a.Employed != null || a.HouseholdsBenefited != null || a.IndustryLeaders != null));
        if (filters.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (filters.AllianceId is { } alliance)
        {
            query = query.Where(a => a.AllianceId == alliance || (a.Agreement != null && a.Agreement.AllianceId == alliance));
        }
        // Like every activity figure, a training counts in the year it started (a year- or month-only start is the
        // first day of its period), so this table agrees with the activities' and trainees' figures beside it.
        if (filters.FromYear is { } from)
        {
            var first = new DateOnly(from, 1, 1);
            query = query.Where(a => a.StartsOn >= first);
        }
        if (filters.ToYear is { } to)
        {
            var last = new DateOnly(to, 12, 31);
            query = query.Where(a => a.StartsOn <= last);
        }
        var found = await query.Select(a => new
        {
            a.Id, a.Title, a.StartsOn, a.StartsOnPrecision, a.EndsOn, a.EndsOnPrecision, a.Trainees, a.Students, a.Employed,
            a.HouseholdsBenefited, a.IndustryLeaders, a.AgreementId,
            PartyPlaces = a.Agreement!.Parties.Select(p => p.RegionCode).ToList(),
            MemberPlaces = a.Alliance!.Members.Select(m => m.RegionCode).ToList(),
        }).ToListAsync();
        var prefix = filters.RegionPrefix ?? filters.ProvincePrefix ?? string.Empty;
        var rows = found
            .Where(a => (a.AgreementId is null ? a.MemberPlaces : a.PartyPlaces) is var places
                        && places.Any(p => p.StartsWith(prefix, StringComparison.Ordinal))
                        && (filters.Zone is not { } zone || places.Any(p => zones.GetValueOrDefault(p[..2]) == zone)))
            .Select(a =>
            {
                var trained = (long)(a.Trainees ?? 0) + (a.Students ?? 0);
                return new TrainingFigures(a.Id, a.Title, new PartialDate(a.StartsOn, a.StartsOnPrecision),
                    a.EndsOn is { } end ? new PartialDate(end, a.EndsOnPrecision) : null, trained, a.Employed,
                    a.Employed is null ? 0 : trained, a.HouseholdsBenefited, a.IndustryLeaders);
            })
            .OrderByDescending(r => r.Trained).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id)
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }
        // Added up as long: many large trainings may pass what an int holds (found by the independent check: a 500).
        static long? SumOf(IEnumerable<long?> values) => values.Any(v => v is not null) ? values.Sum(v => v ?? 0) : null;
        rows.Insert(0, new TrainingFigures(null, null, null, null, rows.Sum(r => r.Trained), SumOf(rows.Select(r => r.Employed)),
            rows.Sum(r => r.TrainedReportingEmployment), SumOf(rows.Select(r => r.HouseholdsBenefited)), SumOf(rows.Select(r => r.IndustryLeaders))));
        return rows;
    }
}
