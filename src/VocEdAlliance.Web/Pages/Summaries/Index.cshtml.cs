using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>Cross-region summaries: the ministry sees the country, a bureau its jurisdiction (the access filter
/// decides; this page filters nothing by hand). Every table exports to CSV and XLSX with the active filters.</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.MinistryOfficial},{Roles.BureauAdmin},{Roles.BureauStaff}")]
public class IndexModel(AppDbContext db, RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public SummaryFilters Filters { get; private set; } = new();
    public IReadOnlyDictionary<string, TableExport> Tables { get; private set; } = new Dictionary<string, TableExport>();
    /// <summary>The chosen alliance's name, for the filter field.</summary>
    public string? AllianceName { get; private set; }

    /// <summary>The alliance typed into the filter matches none the user may see: said next to the field, no filter applied.</summary>
    public bool AllianceUnknown { get; private set; }
    public IReadOnlyList<SummaryReport.RegionRow> Provinces { get; private set; } = [];

    /// <summary>Where the by-region table stands, from the country down (for the breadcrumb).</summary>
    public IReadOnlyList<(string Prefix, string Name)> RegionTrail { get; private set; } = [];

    private SummaryReport? report;
    private SummaryReport Report => report ??= new SummaryReport(db, regions);
    private SummaryTables Builder => new(Report, t);
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task OnGetAsync([FromQuery] SummaryFilters filters)
    {
        await ResolveAllianceAsync(filters);
        Filters = filters;
        var tables = new Dictionary<string, TableExport>();
        foreach (var table in SummaryTables.All)
        {
            tables[table] = await Builder.BuildAsync(table, filters, Today, paged: true);
        }
        Tables = tables;
        Provinces = await Report.ProvinceNamesAsync();
        var trail = new List<(string, string)>();
        for (var length = 2; filters.RegionPrefix is { } prefix && length <= prefix.Length; length += 2)
        {
            trail.Add((prefix[..length], await regions.PathAsync(prefix[..length].PadRight(6, '0'), System.Globalization.CultureInfo.CurrentUICulture)));
        }
        RegionTrail = trail;
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] SummaryFilters filters, string table, string format)
    {
        if (!SummaryTables.All.Contains(table) || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        await ResolveAllianceAsync(filters);
        Response.Headers.CacheControl = "no-store";
        return (await Builder.BuildAsync(table, filters, Today)).ToFile(format);
    }

    /// <summary>The alliance filter: an id, or the exact name of an alliance the user may see (the first by id when two
    /// share a name). Anything else is reported next to the field and filters nothing.</summary>
    private async Task ResolveAllianceAsync(SummaryFilters filters)
    {
        var given = filters.Alliance?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return;
        }
        var found = Guid.TryParse(given, out var id)
            ? await db.Alliances.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync()
            : await db.Alliances.AsNoTracking().Where(a => a.Name == given).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync();
        filters.AllianceId = found?.Id;
        AllianceName = found?.Name ?? given;
        AllianceUnknown = found is null;
    }

    /// <summary>The drill-down link of a by-region row, or null at the institution level.</summary>
    public string? DrillLink(string? regionPrefix) =>
        regionPrefix is { Length: 2 or 4 or 6 } && Filters.RegionPrefix is not { Length: 6 }
            ? Url.Page("/Summaries/Index", Filters.ToQuery(regionPrefix))
            : null;
}
