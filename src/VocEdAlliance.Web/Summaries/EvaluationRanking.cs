using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>One province's place in one published evaluation round: how many of its parties were reviewed, their
/// average result (out of 100, one decimal) and their best, and its rank among the round's provinces (1 = highest
/// average; equal averages share a rank).</summary>
public sealed record ProvinceRank(Guid RoundId, string RoundTitle, int Year, string ProvincePrefix, string ProvinceName, int Parties,
    decimal Average, decimal Best, int Rank);

/// <summary>The one definition of the evaluation ranking (docs/summaries.md, "Evaluation ranking"): for each round whose
/// results are published, the results of the parties the reader may see (the access filter), grouped by the province of
/// the party's place; a party never reviewed has no result and is not ranked. The summaries' table, a round's page and
/// the tests read it from here.</summary>
public sealed class EvaluationRanking(AppDbContext db)
{
    /// <param name="provinceNames">The provinces' names in the reader's language, by two-digit prefix.</param>
    public async Task<IReadOnlyList<ProvinceRank>> ByProvinceAsync(SummaryFilters filters, IReadOnlyDictionary<string, MacroZone> zones,
        IReadOnlyDictionary<string, string> provinceNames, Guid? roundId = null)
    {
        var query = db.PartyEvaluations.AsNoTracking().Include(e => e.Round)
            .Where(e => e.Round.Status == EvaluationRoundStatus.Published && e.Status == PartyEvaluationStatus.Reviewed);
        if (roundId is { } id)
        {
            query = query.Where(e => e.RoundId == id);
        }
        if (filters.FromYear is { } from)
        {
            query = query.Where(e => e.Round.Year >= from);
        }
        if (filters.ToYear is { } to)
        {
            query = query.Where(e => e.Round.Year <= to);
        }
        if ((filters.RegionPrefix ?? filters.ProvincePrefix) is { } prefix)
        {
            query = query.Where(e => e.RegionCode.StartsWith(prefix));
        }
        var evaluations = await query.ToListAsync();
        if (filters.Zone is { } zone)
        {
            evaluations = [.. evaluations.Where(e => zones.GetValueOrDefault(e.RegionCode[..2]) == zone)];
        }
        var rows = new List<ProvinceRank>();
        foreach (var round in evaluations.GroupBy(e => e.RoundId).OrderByDescending(g => g.First().Round.Year).ThenBy(g => g.First().Round.Title))
        {
            var first = round.First().Round;
            var provinces = round.GroupBy(e => e.RegionCode[..2])
                .Select(g => (Prefix: g.Key, Results: g.Select(e => e.Result!.Value).ToList()))
                .Select(p => (p.Prefix, Parties: p.Results.Count,
                    Average: Math.Round(p.Results.Average(), 1, MidpointRounding.AwayFromZero), Best: p.Results.Max()))
                .OrderByDescending(p => p.Average).ThenBy(p => p.Prefix, StringComparer.Ordinal).ToList();
            rows.AddRange(provinces.Select(p => new ProvinceRank(first.Id, first.Title, first.Year, p.Prefix, provinceNames.GetValueOrDefault(p.Prefix, p.Prefix),
                p.Parties, p.Average, p.Best, 1 + provinces.Count(other => other.Average > p.Average))));
        }
        return rows;
    }
}
