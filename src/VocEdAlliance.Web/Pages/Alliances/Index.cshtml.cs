using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Alliances;

public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public AllianceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public FocusArea? Focus { get; set; }

    public sealed record Row(Guid Id, string Name, AllianceKind Kind, DateOnly? FoundedOn, string? Lead, int Members);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanCreate { get; private set; }

    protected override string DefaultSort => "name";

    protected override IEnumerable<(string Key, string? Value)> Filters() =>
        [("q", Q), ("region", Region), ("kind", Kind?.ToString()), ("focus", Focus?.ToString())];

    public async Task OnGetAsync()
    {
        CanCreate = User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
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
        Results = await ordered.ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.Name, a.Kind, a.FoundedOn,
                a.Members.Where(m => m.Role == MemberRole.Lead && m.LeftOn == null).Select(m => m.OrganisationName).FirstOrDefault(),
                a.Members.Count(m => m.LeftOn == null)))
            .ToPageAsync(PageNumber, query);
    }
}
