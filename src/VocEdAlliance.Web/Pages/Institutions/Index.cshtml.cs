using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

/// <summary>The institutions the user may see (the access filter does the scoping), filtered, sorted and paged on
/// the server.</summary>
public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public InstitutionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Ownership? Ownership { get; set; }

    public sealed record Row(Guid Id, string Name, string? NameEn, InstitutionKind Kind, Ownership Ownership,
        string RegionCode, int? FoundedYear, int? Enrolment)
    {
        public string RegionPath { get; set; } = string.Empty;
    }

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanCreate { get; private set; }
    protected override string DefaultSort => "name";

    protected override IEnumerable<ListFilter> Filters() =>
        [("q", Q), ("region", Region), Choice("kind", Kind), Choice("ownership", Ownership)];

    public async Task OnGetAsync()
    {
        CanCreate = User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
        var (query, ordered) = await SelectedAsync();
        Results = await ordered
            .Select(i => new Row(i.Id, i.Name, i.NameEn, i.Kind, i.Ownership, i.RegionCode, i.FoundedYear, i.Enrolment))
            .ToPageAsync(PageNumber, query);
        foreach (var row in Results.Items)
        {
            row.RegionPath = await regions.PathAsync(row.RegionCode, CultureInfo.CurrentUICulture);
        }
    }

    /// <summary>The columns of the export, which are also those of the import template (the form's labels).</summary>
    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "Field.Name", "Field.NameEn", "Field.CreditCode", "Field.InstitutionKind", "Field.Ownership", "Field.RegionCode",
        "Field.Region", "Field.Address", "Field.Head", "Field.ContactPhone", "Field.Website", "Field.FoundedYear", "Field.Enrolment",
    ];

    /// <summary>Every institution the filters select, in the list's order.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var (_, ordered) = await SelectedAsync();
        var culture = CultureInfo.CurrentUICulture;
        return Export(format, "Institutions.Title", ExportColumns,
            ordered.Select(i => new { i.Name, i.NameEn, i.CreditCode, i.Kind, i.Ownership, i.RegionCode, i.Address, i.Head, i.ContactPhone, i.Website, i.FoundedYear, i.Enrolment }),
            async i => [i.Name, i.NameEn, i.CreditCode, t.Enum(i.Kind), t.Enum(i.Ownership), i.RegionCode,
                await regions.PathAsync(i.RegionCode, culture), i.Address, i.Head, i.ContactPhone, i.Website, i.FoundedYear, i.Enrolment]);
    }

    /// <summary>The institutions the filters select (scoped by the access filter), and the same in the list's order.</summary>
    private async Task<(IQueryable<Institution> Query, IOrderedQueryable<Institution> Ordered)> SelectedAsync()
    {
        var query = db.Institutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            var code = Q.Trim().ToUpperInvariant();
            query = query.Where(i => EF.Functions.ILike(i.Name, pattern, @"\") || EF.Functions.ILike(i.NameEn!, pattern, @"\") || i.CreditCode == code);
        }
        if (!string.IsNullOrWhiteSpace(Region))
        {
            if (await regions.ResolveAnyAsync(Region) is { } region)
            {
                var prefix = RegionCode.JurisdictionPrefix(region.Code);
                var pattern = prefix + "%"; // digits only: nothing to escape
                query = query.Where(i => EF.Functions.Like(i.RegionCode, pattern));
            }
            else
            {
                ModelState.AddModelError(nameof(Region), t["Region.Unknown", Region]);
                query = query.Where(_ => false);
            }
        }
        if (Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }
        if (Ownership is { } ownership)
        {
            query = query.Where(i => i.Ownership == ownership);
        }
        var descending = SortDescending;
        IOrderedQueryable<Institution> ordered = SortKey switch
        {
            "region" => descending ? query.OrderByDescending(i => i.RegionCode) : query.OrderBy(i => i.RegionCode),
            "kind" => descending ? query.OrderByDescending(i => i.Kind) : query.OrderBy(i => i.Kind),
            "founded" => descending ? query.OrderByDescending(i => i.FoundedYear) : query.OrderBy(i => i.FoundedYear),
            "enrolment" => descending ? query.OrderByDescending(i => i.Enrolment) : query.OrderBy(i => i.Enrolment),
            _ => descending ? query.OrderByDescending(i => i.Name) : query.OrderBy(i => i.Name),
        };
        return (query, ordered.ThenBy(i => i.Id));
    }
}
