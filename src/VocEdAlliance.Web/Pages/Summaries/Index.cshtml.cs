using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>Cross-region summaries: the ministry sees the country, a bureau what is placed in its jurisdiction (the
/// read model decides; this page filters nothing by hand). Every filter narrows every panel; every panel exports to CSV
/// and XLSX titled with the panel, the filters and the day.</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.MinistryOfficial},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class IndexModel(AppDbContext db, RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> t, SummaryCache cache) : PageModel
{
    public SummaryFilters Filters { get; private set; } = new();
    public IReadOnlyDictionary<string, TableExport> Tables { get; private set; } = new Dictionary<string, TableExport>();

    /// <summary>The chosen alliance's name, for the filter field.</summary>
    public string? AllianceName { get; private set; }

    /// <summary>The alliance typed into the filter matches none the user may see: said next to the field, no filter applied.</summary>
    public bool AllianceUnknown { get; private set; }
    public IReadOnlyList<SummaryReport.RegionRow> Provinces { get; private set; } = [];

    /// <summary>What the page shows, in one sentence: place · alliance · years · kind.</summary>
    public string Sentence { get; private set; } = string.Empty;

    /// <summary>The headline figures: every fact the filters leave, added up.</summary>
    public Volume Headline { get; private set; } = Volume.Zero;

    /// <summary>Where the by-region table stands, from the country down (for the breadcrumb).</summary>
    public IReadOnlyList<(string Prefix, string Name)> RegionTrail { get; private set; } = [];

    /// <summary>The trends by year and kind, for the chart (the table beside it holds the same numbers).</summary>
    public IReadOnlyList<SummaryReport.TrendRow> Trends { get; private set; } = [];

    /// <summary>The top-level by-province figures, for the map (agreements and activities per province).</summary>
    public IReadOnlyList<SummaryReport.RegionRow> ProvinceFigures { get; private set; } = [];

    /// <summary>The province whose map is shown (null: the country's).</summary>
    public string? MapProvinceName => Filters.ProvincePrefix is { } p ? Provinces.FirstOrDefault(x => x.Prefix == p)?.Name : null;

    private SummaryReport? report;
    private SummaryReport Report => report ??= new SummaryReport(db, regions, SummaryStore.For(db)
        ?? throw new InvalidOperationException("Only the ministry and bureaus read summaries."));
    private SummaryTables Builder => new(Report, new PlanProgress(db, clock), new ProgrammeStatistics(db, clock), new EvaluationRanking(db), new TrainingOutcomes(db), t);
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Everything the page shows but the filter fields, as worked out once for a scope, filters, language, day
    /// and version of the summaries (<see cref="SummaryCache"/>).</summary>
    private sealed record View(IReadOnlyDictionary<string, TableExport> Tables, Volume Headline, IReadOnlyList<SummaryReport.TrendRow> Trends,
        IReadOnlyList<SummaryReport.RegionRow> ProvinceFigures, IReadOnlyList<SummaryReport.RegionRow> Provinces, string Sentence,
        IReadOnlyList<(string Prefix, string Name)> Trail, string ChartJson);

    /// <summary>The chart data of the page, for its script (numbers, names and localized labels only).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync([FromQuery] SummaryFilters filters)
    {
        if (SummaryStore.For(db) is null)
        {
            // A bureau role on an account that is not a bureau's: no jurisdiction to summarise.
            return Forbid();
        }
        await CheckFiltersAsync(filters);
        Filters = filters;
        var version = await Report.Store.VersionAsync();
        var key = string.Join('|', Report.Store.Scope, CultureInfo.CurrentUICulture.Name, Today.DayNumber, version, filters.AlliancePage,
            string.Join('&', filters.ToQuery().Select(q => q.Key + "=" + q.Value)));
        var view = await cache.GetOrAddAsync(key, () => BuildAsync(filters));
        (Tables, Headline, Trends, ProvinceFigures, Provinces, Sentence, RegionTrail, ChartJson) =
            (view.Tables, view.Headline, view.Trends, view.ProvinceFigures, view.Provinces, view.Sentence, view.Trail, view.ChartJson);
        // The programmes and evaluations are not in the rollups whose version keys the cache: their tables are counted
        // afresh each time, so the page agrees with its export and the bureau home.
        var tables = new Dictionary<string, TableExport>(Tables);
        foreach (var table in SummaryTables.Fresh)
        {
            tables[table] = await Builder.BuildAsync(table, filters, Today, paged: true);
        }
        Tables = tables;
        return Page();
    }

    private async Task<View> BuildAsync(SummaryFilters filters)
    {
        var tables = new Dictionary<string, TableExport>();
        foreach (var table in SummaryTables.All.Except(SummaryTables.Fresh))
        {
            tables[table] = await Builder.BuildAsync(table, filters, Today, paged: true);
        }
        Tables = tables;
        var facts = await Report.FactsAsync(filters);
        Headline = SummaryReport.Total(facts);
        Trends = SummaryReport.Trends(facts, filters);
        // The map: the country by province, or with a province chosen, that province by prefecture.
        ProvinceFigures = filters.ProvincePrefix is { } province
            ? (Report.MayDrillInto(province) ? await Report.ByRegionAsync(filters, province) : [])
            : await Report.ByRegionAsync(filters, null);
        Provinces = await Report.ProvinceNamesAsync();
        Sentence = await SentenceAsync(filters);
        var trail = new List<(string, string)>();
        for (var length = 2; filters.RegionPrefix is { } prefix && length <= prefix.Length; length += 2)
        {
            trail.Add((prefix[..length], await regions.PathAsync(RegionCode.OfPrefix(prefix[..length]), CultureInfo.CurrentUICulture)));
        }
        var json = System.Text.Json.JsonSerializer.Serialize(await ChartDataAsync());
        return new View(tables, Headline, Trends, ProvinceFigures, Provinces, Sentence, trail, json);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] SummaryFilters filters, string table, string format)
    {
        if (!SummaryTables.All.Contains(table) || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        if (SummaryStore.For(db) is null)
        {
            return Forbid();
        }
        await CheckFiltersAsync(filters);
        Response.Headers.CacheControl = "no-store";
        var built = await Builder.BuildAsync(table, filters, Today);
        var sentence = await SentenceAsync(filters);
        // The by-region table drilled into a region says which (the other panels do not follow the drill-down).
        string? drilled = table == SummaryTables.Regions && filters.RegionPrefix is { } drill
            ? await regions.PathAsync(RegionCode.OfPrefix(drill), CultureInfo.CurrentUICulture) : null;
        if (drilled is not null)
        {
            sentence = $"{sentence} · {t["Summary.DrilledInto", drilled]}";
        }
        var day = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = string.Join('_', new[] { t["Summary.ExportName"].Value, built.Title }
            .Concat(FileNameParts(filters)).Concat(drilled is null ? [] : [drilled.Replace(' ', '-')]).Append(day).Select(Safe));
        return built.Titled($"{sentence} · {t["Summary.MadeOn", day]}", name).ToFile(format);
    }

    /// <summary>The filters in a file name: the place and the years, e.g. 贵州省_2020-2026.</summary>
    private IEnumerable<string> FileNameParts(SummaryFilters filters)
    {
        if (filters.ProvincePrefix is { } province)
        {
            yield return Provinces.FirstOrDefault(p => p.Prefix == province)?.Name ?? province;
        }
        else if (filters.Zone is { } zone)
        {
            yield return t.Enum(zone);
        }
        if (AllianceName is { } alliance && !AllianceUnknown)
        {
            yield return alliance;
        }
        if (filters.HasYears)
        {
            yield return $"{filters.FromYear?.ToString(CultureInfo.InvariantCulture) ?? ""}-{filters.ToYear?.ToString(CultureInfo.InvariantCulture) ?? ""}";
        }
        if (filters.Kind is { } kind)
        {
            yield return t.Enum(kind);
        }
    }

    /// <summary>A file name part without what file systems refuse.</summary>
    private static string Safe(string part) =>
        new([.. part.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '-' : c)]);

    /// <summary>What is shown, in words: place · alliance · years · kind.</summary>
    private async Task<string> SentenceAsync(SummaryFilters filters)
    {
        if (Provinces.Count == 0)
        {
            Provinces = await Report.ProvinceNamesAsync();
        }
        var parts = new List<string>();
        var jurisdiction = Report.Store.Jurisdiction;
        var place = string.Join(" · ", new[]
        {
            filters.ProvincePrefix is { } province ? Provinces.FirstOrDefault(p => p.Prefix == province)?.Name ?? province : null,
            filters.Zone is { } zone ? t.Enum(zone) : null,
        }.OfType<string>());
        place = place.Length == 0 ? null : place;
        parts.Add(jurisdiction.Length == 0
            ? place ?? t["Summary.Scope.Country"].Value
            : t["Summary.Scope.Jurisdiction", await regions.PathAsync(RegionCode.OfPrefix(jurisdiction), CultureInfo.CurrentUICulture)].Value
              + (place is null ? string.Empty : " · " + place));
        if (AllianceName is { } alliance && !AllianceUnknown)
        {
            parts.Add(alliance);
        }
        parts.Add(!filters.HasYears ? t["Summary.Years.Any"].Value
            : t[filters.Years == YearMode.InForceWithin ? "Summary.Years.InForce" : "Summary.Years.Signed", YearRange(filters)].Value);
        parts.Add(filters.Kind is { } kind ? t.Enum(kind) : t["Summary.Kinds.All"].Value);
        return string.Join(" · ", parts);
    }

    private string YearRange(SummaryFilters filters) => (filters.FromYear, filters.ToYear) switch
    {
        ({ } from, { } to) when from == to => t["Summary.Years.One", from.ToString(CultureInfo.InvariantCulture)],
        ({ } from, { } to) => t["Summary.Years.Between", from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture)],
        ({ } from, null) => t["Summary.Years.From", from.ToString(CultureInfo.InvariantCulture)],
        (null, { } to) => t["Summary.Years.To", to.ToString(CultureInfo.InvariantCulture)],
        _ => string.Empty,
    };

    /// <summary>The filters checked and the alliance resolved (<see cref="SummaryFilterCheck"/>), refusals next to their fields.</summary>
    private async Task CheckFiltersAsync(SummaryFilters filters)
    {
        var check = new SummaryFilterCheck(db, regions, Report, t);
        await check.CheckAsync(filters, Request.Query, ModelState);
        (AllianceName, AllianceUnknown) = await check.ResolveAllianceAsync(filters);
    }

    /// <summary>The drill-down link of a by-region row, or null at the institution level and where the reader may not go.</summary>
    public string? DrillLink(string? regionPrefix) =>
        regionPrefix is { Length: 2 or 4 or 6 } && Filters.RegionPrefix is not { Length: 6 } && Report.MayDrillInto(regionPrefix)
            ? Url.Page("/Summaries/Index", Filters.ToQuery(regionPrefix))
            : null;

    /// <summary>ECharts under its fingerprinted name (cached for a year), fetched by the page's script only once a chart
    /// comes near the screen.</summary>
    public string ChartLibrary => Asset("lib/echarts/echarts.portal.min.js");

    /// <summary>A static asset's address under its fingerprinted name (its plain name where none is known).</summary>
    public string Asset(string path) => Url.Content("~/" + (HttpContext.GetEndpoint()?.Metadata
        .GetMetadata<Microsoft.AspNetCore.Components.ResourceAssetCollection>() is { } assets ? assets[path] : path));

    private async Task<object> ChartDataAsync()
    {
        var zones = await Report.ZonesAsync();
        var pairs = Tables[SummaryTables.Provinces];
        return new
        {
            provinces = ProvinceFigures.Select(p => new { code = p.Prefix, name = p.Name, agreements = p.Volume.Agreements, activities = p.Volume.Outcomes.Activities }),
            pairs = pairs.RowKeys.Select((key, i) => new
            {
                from = key![..2], to = key[3..], fromZone = zones.GetValueOrDefault(key[..2]).ToString(), toZone = zones.GetValueOrDefault(key[3..]).ToString(),
                fromName = pairs.Rows[i][0], toName = pairs.Rows[i][1], agreements = pairs.Rows[i][2],
            }),
            trends = new
            {
                years = Trends.Select(r => r.Year),
                series = Enum.GetValues<ActivityKind>().Select(k => new { name = t.Enum(k), data = Trends.Select(r => r.ByKind.GetValueOrDefault(k)) })
                    .Where(s => s.data.Any(n => n > 0)),
            },
            labels = new
            {
                agreements = t["Summary.Map.Agreements"].Value,
                activities = t["Summary.Map.Activities"].Value,
                legend = t["Summary.Map.Legend"].Value,
                flow = t["Summary.Map.Flow"].Value,
                drill = t["Summary.Map.Drill"].Value,
            },
            // With a province chosen, its own map: a click drills the by-region table into a prefecture.
            map = Filters.ProvincePrefix is { } province ? Asset($"lib/echarts/province/{province}.json") : Asset("lib/echarts/china.json"),
            level = Filters.ProvincePrefix is null ? "country" : "province",
            drill = Filters.ProvincePrefix is null
                ? Url.Page("/Summaries/Index", new Dictionary<string, string>(Filters.ToQuery("")) { ["province"] = "__", ["region"] = "__" })
                : Url.Page("/Summaries/Index", new Dictionary<string, string>(Filters.ToQuery("")) { ["region"] = "__" }),
        };
    }
}
