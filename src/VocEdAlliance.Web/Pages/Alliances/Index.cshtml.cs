using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Regions;
using System.Globalization;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Alliances;

public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public AllianceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public FocusArea? Focus { get; set; }

    public sealed record Row(Guid Id, string Name, AllianceKind Kind, Domain.PartialDate? FoundedOn, string? Lead, int Members);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanCreate { get; private set; }

    protected override string DefaultSort => "name";

    protected override IEnumerable<ListFilter> Filters() =>
        [("q", Q), ("region", Region), Choice("kind", Kind), Choice("focus", Focus)];

    public async Task OnGetAsync()
    {
        CanCreate = User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
        var (query, ordered) = await SelectedAsync();
        Results = await ordered
            .Select(a => new Row(a.Id, a.Name, a.Kind, a.FoundedOn != null ? new Domain.PartialDate(a.FoundedOn.Value, a.FoundedOnPrecision) : null,
                a.Members.Where(m => m.Role == MemberRole.Lead && m.LeftOn == null).Select(m => m.OrganisationName).FirstOrDefault(),
                a.Members.Count(m => m.LeftOn == null)))
            .ToPageAsync(PageNumber, query);
    }

    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "Field.Name", "Field.NameEn", "Field.AllianceKind", "Field.FocusAreas", "Field.FoundedOn", "Field.LeadOrganisation",
        "Field.MemberCount", "Field.Description",
    ];

    public static readonly IReadOnlyList<string> MemberExportColumns =
    [
        "Field.Alliance", "Field.MemberOrganisation", "Field.RegionCode", "Field.Region", "Field.MemberRole", "Field.JoinedOn", "Field.LeftOn",
    ];

    /// <summary>Every alliance the filters select, in the list's order.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var (_, ordered) = await SelectedAsync();
        var separator = t["List.Separator"].Value;
        return Export(format, "Alliances.Title", ExportColumns,
            ordered.Select(a => new
            {
                a.Name, a.NameEn, a.Kind, a.FocusAreas, a.FoundedOn, a.FoundedOnPrecision, a.Description,
                Lead = a.Members.Where(m => m.Role == MemberRole.Lead && m.LeftOn == null).Select(m => m.OrganisationName).FirstOrDefault(),
                Members = a.Members.Count(m => m.LeftOn == null),
            }),
            a => ValueTask.FromResult<object?[]>([a.Name, a.NameEn, t.Enum(a.Kind), string.Join(separator, a.FocusAreas.Select(f => t.Enum(f))),
                DateCell(a.FoundedOn, a.FoundedOnPrecision), a.Lead, a.Members, a.Description]));
    }

    /// <summary>The members (past ones too, with the day they left) of every alliance the filters select.</summary>
    public async Task<IActionResult> OnGetExportMembersAsync(string? format)
    {
        var (query, _) = await SelectedAsync();
        var culture = CultureInfo.CurrentUICulture;
        return Export(format, "Alliances.Members.Title", MemberExportColumns,
            query.SelectMany(a => a.Members.Select(m => new { Alliance = a.Name, m.OrganisationName, m.RegionCode, m.Role, m.JoinedOn, m.JoinedOnPrecision, m.LeftOn }))
                .OrderBy(m => m.Alliance).ThenBy(m => m.Role).ThenBy(m => m.OrganisationName),
            async m => [m.Alliance, m.OrganisationName, m.RegionCode, await regions.PathAsync(m.RegionCode, culture), t.Enum(m.Role), DateCell(m.JoinedOn, m.JoinedOnPrecision), m.LeftOn]);
    }

    public string? MemberExportUrl(string format) =>
        Url.Page(null, "ExportMembers", new Dictionary<string, string>(Query()) { ["format"] = format });

    private async Task<(IQueryable<Alliance> Query, IOrderedQueryable<Alliance> Ordered)> SelectedAsync()
    {
        var query = db.Alliances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            query = query.Where(a => EF.Functions.ILike(a.Name, pattern, @"\") || EF.Functions.ILike(a.NameEn!, pattern, @"\")
                                     || a.Members.Any(m => EF.Functions.ILike(m.OrganisationName, pattern, @"\")));
        }
        if (!string.IsNullOrWhiteSpace(Region))
        {
            if (await regions.ResolveAnyAsync(Region) is { } region)
            {
                var pattern = RegionCode.JurisdictionPrefix(region.Code) + "%"; // digits only: nothing to escape
                query = query.Where(a => a.Members.Any(m => EF.Functions.Like(m.RegionCode, pattern)));
            }
            else
            {
                ModelState.AddModelError(nameof(Region), t["Region.Unknown", Region]);
                query = query.Where(_ => false);
            }
        }
        if (Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (Focus is { } focus)
        {
            query = query.Where(a => a.FocusAreas.Contains(focus));
        }
        var descending = SortDescending;
        IOrderedQueryable<Alliance> ordered = SortKey switch
        {
            "kind" => descending ? query.OrderByDescending(a => a.Kind) : query.OrderBy(a => a.Kind),
            "founded" => descending ? query.OrderByDescending(a => a.FoundedOn) : query.OrderBy(a => a.FoundedOn),
            _ => descending ? query.OrderByDescending(a => a.Name) : query.OrderBy(a => a.Name),
        };
        return (query, ordered.ThenBy(a => a.Id));
    }
}
