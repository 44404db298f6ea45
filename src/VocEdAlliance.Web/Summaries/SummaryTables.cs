using System.Globalization;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Summaries;

/// <summary>Every summary as a table: the page shows these (beside their charts), and the CSV and XLSX exports write
/// exactly these, titled with the panel, the filters and the day.</summary>
public sealed class SummaryTables(SummaryReport report, PlanProgress plans, ProgrammeStatistics programmes, EvaluationRanking evaluations,
    TrainingOutcomes trainings, IStringLocalizer t)
{
    public const string EastWest = "east-west";
    public const string Zones = "zones";
    public const string Provinces = "provinces";
    public const string Regions = "regions";
    public const string Alliances = "alliances";
    public const string Trends = "trends";
    public const string PlansByProvince = "plans-provinces";
    public const string PlansByAlliance = "plans-alliances";
    public const string PlansLate = "plans-late";
    public const string Programmes = "programmes";
    public const string Evaluations = "evaluations";
    public const string Trainings = "trainings";

    public static IReadOnlyList<string> All { get; } = [EastWest, Trends, Provinces, Regions, Zones, Alliances, PlansByProvince, PlansByAlliance, PlansLate, Programmes,
        Trainings, Evaluations];

    /// <summary>The tables counted afresh on every request (not from the rollups whose version keys the page's cache),
    /// so the page agrees with its export and the other pages that show them.</summary>
    public static IReadOnlyList<string> Fresh { get; } = [Programmes, Trainings, Evaluations];

    /// <summary>The province pairs the page lists (hundreds at national scale; the map shows them all).</summary>
    public const int ProvincePairsListed = 50;

    private string[] VolumeHeaders => [t["Summary.Pairings"], t["Summary.ActivePairings"], t["Summary.Activities"],
        t["Field.Teachers"], t["Field.Students"], t["Field.Trainees"], t["Field.AmountCny"]];

    private static object?[] Cells(Volume v) =>
        [v.Agreements, v.Active, v.Outcomes.Activities, v.Outcomes.Teachers, v.Outcomes.Students, v.Outcomes.Trainees, v.Outcomes.Amount];

    /// <summary>Builds a table; <paramref name="paged"/>: the by-alliance table shows one page (the page), or every
    /// alliance (the exports).</summary>
    public async Task<TableExport> BuildAsync(string table, SummaryFilters filters, DateOnly today, bool paged = false)
    {
        var title = t[$"Summary.Table.{table}"].Value;
        if (table == Alliances)
        {
            var page = await report.ByAllianceAsync(filters, today, paged ? filters.AlliancePage : null);
            return new TableExport(table, title,
                [t["Field.Name"], t["Alliances.Members"], .. VolumeHeaders, t["Summary.LastActivity"], t["Summary.Quiet"]],
                [.. page.Items.Select(r => (IReadOnlyList<object?>)[r.Name, r.Members, .. Cells(r.Volume), r.LastActivity,
                    r.Quiet ? t["Common.Yes"].Value : t["Common.No"].Value])])
            {
                Pager = paged ? page.Pager(filters.ToQuery()) : null,
            };
        }
        if (table is PlansByProvince or PlansByAlliance or PlansLate)
        {
            return await PlanTableAsync(table, title, filters);
        }
        if (table == Programmes)
        {
            return ProgrammeTable(title, await programmes.ByLevelAsync(filters, await report.ZonesAsync()), t);
        }
        if (table == Trainings)
        {
            return TrainingTable(title, await trainings.ByTrainingAsync(filters, await report.ZonesAsync()), t);
        }
        if (table == Evaluations)
        {
            return EvaluationTable(title, await evaluations.ByProvinceAsync(filters, await report.ZonesAsync(),
                (await report.ProvinceNamesAsync()).ToDictionary(p => p.Prefix, p => p.Name)), t);
        }
        var facts = await report.FactsAsync(filters);
        if (table == Trends)
        {
            var rows = SummaryReport.Trends(facts, filters);
            return new TableExport(table, title, [t["Field.Year"], .. Enum.GetValues<ActivityKind>().Select(k => t.Enum(k)), t["Summary.Total"]],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.Year.ToString(CultureInfo.InvariantCulture),
                    .. Enum.GetValues<ActivityKind>().Select(k => (object?)r.ByKind.GetValueOrDefault(k)), r.Total])]);
        }
        var zones = await report.ZonesAsync();
        switch (table)
        {
            case EastWest:
                var total = SummaryReport.Total(facts);
                return new TableExport(table, title, [t["Summary.Flow"], .. VolumeHeaders],
                    [
                        [t["Summary.EastToWest"].Value, .. Cells(SummaryReport.EastToWest(facts, zones))],
                        [t["Summary.SupportEastToWest"].Value, .. Cells(new Volume(0, 0, Outcomes.Zero with
                            {
                                Activities = total.Outcomes.Support, Amount = total.Outcomes.SupportAmount,
                            }))],
                    ]);
            case Zones:
                var zonePairs = SummaryReport.Pairs(facts, code => zones.GetValueOrDefault(code).ToString());
                return new TableExport(table, title, [t["Summary.From"], t["Summary.To"], .. VolumeHeaders],
                    [.. zonePairs.Select(p => (IReadOnlyList<object?>)[t[$"MacroZone.{p.From}"].Value, t[$"MacroZone.{p.To}"].Value, .. Cells(p.Volume)])]);
            case Provinces:
                var names = (await report.ProvinceNamesAsync()).ToDictionary(p => p.Prefix, p => p.Name);
                var provincePairs = SummaryReport.Pairs(facts, code => code);
                return new TableExport(table, title, [t["Summary.From"], t["Summary.To"], .. VolumeHeaders],
                    [.. provincePairs.Select(p => (IReadOnlyList<object?>)[names.GetValueOrDefault(p.From, p.From), names.GetValueOrDefault(p.To, p.To), .. Cells(p.Volume)])])
                {
                    RowKeys = [.. provincePairs.Select(p => $"{p.From}|{p.To}")],
                    PageLists = ProvincePairsListed,
                };
            default:
                var prefix = filters.RegionPrefix;
                var regionRows = prefix is { Length: 6 }
                    ? await report.InstitutionsAsync(filters, prefix)
                    : await report.ByRegionAsync(filters, prefix);
                return new TableExport(Regions, title, [t["Field.Region"], .. VolumeHeaders],
                    [.. regionRows.Select(r => (IReadOnlyList<object?>)[r.Name, .. Cells(r.Volume)])])
                {
                    RowKeys = [.. regionRows.Select(r => prefix is { Length: 6 } ? null : r.Prefix)],
                };
        }
    }

    /// <summary>Programmes by year and level: taught, aligned with local key industries (and its share), opened, closed,
    /// downsized, graduates, employed (rate) and employed locally (rate). The bureau home shows the same table.</summary>
    public static TableExport ProgrammeTable(string title, IReadOnlyList<ProgrammeFigures> rows, IStringLocalizer t) =>
        new(Programmes, title,
            [t["Field.Year"], t["Field.ProgrammeLevel"], t["Summary.Programmes.Taught"], t["Summary.Programmes.Aligned"], t["Summary.Programmes.AlignedShare"],
             t["Summary.Programmes.Opened"], t["Summary.Programmes.Closed"], t["Summary.Programmes.Downsized"], t["Field.Graduates"], t["Field.Employed"],
             t["Summary.Programmes.EmploymentRate"], t["Field.EmployedLocally"], t["Summary.Programmes.LocalRate"], t["Summary.Programmes.Partnerships"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Year.ToString(CultureInfo.InvariantCulture),
                r.Level is { } level ? t.Enum(level) : t["Summary.Total"].Value, r.Taught, r.Aligned, r.AlignedShare.ToString(), r.Opened, r.Closed,
                r.Downsized, r.Graduates, r.Employed, r.EmploymentRate.ToString(), r.EmployedLocally, r.LocalEmploymentRate.ToString(), r.Partnerships])]);

    /// <summary>Training outcomes: the total, then each training (its period, people trained, employed and the rate,
    /// families benefited, leaders produced).</summary>
    public static TableExport TrainingTable(string title, IReadOnlyList<TrainingFigures> rows, IStringLocalizer t) =>
        new(Trainings, title,
            [t["Field.Activity"], t["Field.StartsOn"], t["Field.EndsOn"], t["Summary.Trainings.Trained"], t["Field.Employed"],
             t["Summary.Programmes.EmploymentRate"], t["Field.HouseholdsBenefited"], t["Field.IndustryLeaders"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Id is null ? t["Summary.Total"].Value : r.Title, LocalizerExtensions.Date(r.Starts),
                LocalizerExtensions.Date(r.Ends), r.Trained, r.Employed, r.EmploymentRate.ToString(), r.HouseholdsBenefited, r.IndustryLeaders])])
        {
            PageLists = TrainingOutcomes.Listed + 1,
        };

    /// <summary>The evaluation ranking by province of each published round (a round's page shows the same table).</summary>
    public static TableExport EvaluationTable(string title, IReadOnlyList<ProvinceRank> rows, IStringLocalizer t) =>
        new(Evaluations, title,
            [t["Evaluation.Round"], t["Field.Year"], t["Evaluation.Rank"], t["Field.Province"], t["Evaluation.PartiesRanked"], t["Evaluation.Average"],
             t["Evaluation.Best"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.RoundTitle, r.Year.ToString(CultureInfo.InvariantCulture), r.Rank, r.ProvinceName, r.Parties,
                r.Average.ToString("0.0", CultureInfo.InvariantCulture), r.Best.ToString("0.0", CultureInfo.InvariantCulture)])]);

    private string[] CompletionHeaders => [t["Plan.Indicator"], t["Summary.Plans.Count"], t["Plan.Target"], t["Plan.Actual"], t["Summary.Plans.Completion"]];

    private static object?[] Cells(PlanProgress.Completion c) => [c.Plans, c.Target, c.Actual, c.Percent];

    /// <summary>Plans against actuals: completion by province (a plan counts in every province where its agreement has a
    /// party or its alliance a member), by alliance, and the plans with late items.</summary>
    private async Task<TableExport> PlanTableAsync(string table, string title, SummaryFilters filters)
    {
        var approved = await plans.ApprovedAsync(filters, await report.ZonesAsync());
        if (table == PlansLate)
        {
            return new TableExport(table, title, [t["Summary.Plans.Owner"], t["Field.Year"], t["Summary.Plans.Late"]],
                // By year, then by name: plans of one year made in the same instant have no other order.
                [.. approved.Where(p => p.Late > 0).OrderBy(p => p.Year).ThenBy(p => p.Owner, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => (IReadOnlyList<object?>)[p.Owner, p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Late])]);
        }
        if (table == PlansByProvince)
        {
            var names = (await report.ProvinceNamesAsync()).ToDictionary(p => p.Prefix, p => p.Name);
            var rows = approved.SelectMany(p => p.Provinces.Select(province => (Province: province, Plan: p)))
                .Where(x => filters.ProvincePrefix is null || x.Province == filters.ProvincePrefix)
                .GroupBy(x => x.Province).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => PlanProgress.Completions(g.Select(x => x.Plan)).Select(c => (IReadOnlyList<object?>)[names.GetValueOrDefault(g.Key, g.Key), t.Enum(c.Indicator), .. Cells(c)]));
            return new TableExport(table, title, [t["Summary.Province"], .. CompletionHeaders], [.. rows]);
        }
        var alliances = await report.AllianceNamesAsync([.. approved.Where(p => p.AllianceId is not null).Select(p => p.AllianceId!.Value).Distinct()]);
        var byAlliance = approved.Where(p => p.AllianceId is { } id && alliances.ContainsKey(id))
            .GroupBy(p => p.AllianceId!.Value).OrderBy(g => alliances[g.Key], StringComparer.Ordinal)
            .SelectMany(g => PlanProgress.Completions(g).Select(c => (IReadOnlyList<object?>)[alliances[g.Key], t.Enum(c.Indicator), .. Cells(c)]));
        return new TableExport(table, title, [t["Field.Alliance"], .. CompletionHeaders], [.. byAlliance]);
    }

    /// <summary>A cell as the page shows it: numbers in the user's culture, dates as yyyy-MM-dd.</summary>
    public static string Display(object? value) => value switch
    {
        null => string.Empty,
        decimal amount => amount.ToString("N2", CultureInfo.CurrentCulture),
        int or long => ((IFormattable)value).ToString("N0", CultureInfo.CurrentCulture),
        DateOnly date => LocalizerExtensions.Date(date),
        _ => value.ToString() ?? string.Empty,
    };
}
