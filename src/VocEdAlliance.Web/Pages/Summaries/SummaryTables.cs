using System.Globalization;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>Every summary as a table: the page shows these, and the CSV and XLSX exports write exactly these.</summary>
public sealed class SummaryTables(SummaryReport report, IStringLocalizer t)
{
    public const string EastWest = "east-west";
    public const string Zones = "zones";
    public const string Provinces = "provinces";
    public const string Regions = "regions";
    public const string Alliances = "alliances";
    public const string Trends = "trends";

    public static IReadOnlyList<string> All { get; } = [EastWest, Zones, Provinces, Regions, Alliances, Trends];

    /// <summary>The province pairs the page lists (hundreds at national scale; the map shows them all).</summary>
    public const int ProvincePairsListed = 50;

    private string[] VolumeHeaders => [t["Summary.Pairings"], t["Summary.ActivePairings"], t["Summary.Activities"],
        t["Field.Teachers"], t["Field.Students"], t["Field.Trainees"], t["Field.AmountCny"]];

    private static object?[] Cells(Volume v) =>
        [v.Pairings, v.ActivePairings, v.Activities, v.Teachers, v.Students, v.Trainees, v.AmountCny];

    /// <summary>Builds a table; <paramref name="paged"/>: the by-alliance table shows one page (the page), or every
    /// alliance (the exports).</summary>
    public async Task<TableExport> BuildAsync(string table, SummaryFilters filters, DateOnly today, bool paged = false)
    {
        if (table == Alliances)
        {
            var page = await report.ByAllianceAsync(filters, today, paged ? filters.AlliancePage : null);
            var rows = page.Items;
            return new TableExport(table,
                [t["Field.Name"], t["Alliances.Members"], .. Enum.GetValues<AgreementStatus>().Select(s => $"{t["Summary.Agreements"]}: {t.Enum(s)}"),
                 .. Enum.GetValues<ActivityKind>().Select(k => t.Enum(k)), t["Field.Teachers"], t["Field.Students"], t["Field.Trainees"],
                 t["Field.AmountCny"], t["Summary.LastActivity"], t["Summary.Quiet"]],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Members,
                    .. Enum.GetValues<AgreementStatus>().Select(s => (object?)r.AgreementsByStatus.GetValueOrDefault(s)),
                    .. Enum.GetValues<ActivityKind>().Select(k => (object?)r.ActivitiesByKind.GetValueOrDefault(k)),
                    r.Outcomes.Teachers, r.Outcomes.Students, r.Outcomes.Trainees, r.Outcomes.AmountCny,
                    r.LastActivity, r.Quiet ? t["Common.Yes"].Value : t["Common.No"].Value])])
            {
                Pager = paged ? page.Pager(filters.ToQuery()) : null,
            };
        }
        if (table == Trends)
        {
            var rows = await report.TrendsAsync(filters);
            return new TableExport(table, [t["Field.Year"], .. Enum.GetValues<ActivityKind>().Select(k => t.Enum(k)), t["Summary.Total"]],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.Year.ToString(CultureInfo.InvariantCulture), .. Enum.GetValues<ActivityKind>().Select(k => (object?)r.ByKind.GetValueOrDefault(k)), r.Total])]);
        }
        var zones = await report.ZonesAsync();
        switch (table)
        {
            case EastWest:
                var (supportCount, supportAmount) = await report.SupportEastToWestAsync(filters);
                return new TableExport(table, [t["Summary.Flow"], .. VolumeHeaders],
                    [
                        [t["Summary.EastToWest"].Value, .. Cells(SummaryReport.EastToWest(await report.AgreementsAsync(filters), zones))],
                        [t["Summary.SupportEastToWest"].Value, .. Cells(new Volume(0, 0, supportCount, 0, 0, 0, supportAmount))],
                    ]);
            case Zones:
                var zonePairs = SummaryReport.Pairs(await report.AgreementsAsync(filters), code => zones.GetValueOrDefault(code[..2]).ToString());
                return new TableExport(table, [t["Summary.From"], t["Summary.To"], .. VolumeHeaders],
                    [.. zonePairs.Select(p => (IReadOnlyList<object?>)[t[$"MacroZone.{p.From}"].Value, t[$"MacroZone.{p.To}"].Value, .. Cells(p.Volume)])]);
            case Provinces:
                var names = (await report.ProvinceNamesAsync()).ToDictionary(p => p.Prefix, p => p.Name);
                var provincePairs = SummaryReport.Pairs(await report.AgreementsAsync(filters), code => code[..2]);
                return new TableExport(table, [t["Summary.From"], t["Summary.To"], .. VolumeHeaders],
                    [.. provincePairs.Select(p => (IReadOnlyList<object?>)[names.GetValueOrDefault(p.From, p.From), names.GetValueOrDefault(p.To, p.To), .. Cells(p.Volume)])])
                {
                    RowKeys = [.. provincePairs.Select(p => $"{p.From}|{p.To}")],
                    PageLists = ProvincePairsListed,
                };
            default:
                var prefix = filters.RegionPrefix;
                // Below the provinces the table needs each agreement's own regions: only those with a party there are read.
                var placed = prefix is null ? await report.AgreementsAsync(filters) : await report.AgreementsWithinAsync(filters, prefix);
                var regionRows = prefix is { Length: 6 }
                    ? await report.InstitutionsAsync(placed, prefix)
                    : await report.ByRegionAsync(placed, prefix);
                return new TableExport(Regions, [t["Field.Region"], .. VolumeHeaders],
                    [.. regionRows.Select(r => (IReadOnlyList<object?>)[r.Name, .. Cells(r.Volume)])])
                {
                    RowKeys = [.. regionRows.Select(r => prefix is { Length: 6 } ? null : r.Prefix)],
                };
        }
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
