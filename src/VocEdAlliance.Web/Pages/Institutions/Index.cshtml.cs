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
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

/// <summary>The institutions the user may see (the access filter does the scoping), filtered, sorted and paged on
/// the server.</summary>
public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly string[] SortKeys = ["name", "region", "kind", "founded", "enrolment"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public InstitutionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Ownership? Ownership { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record Row(Guid Id, string Name, string? NameEn, InstitutionKind Kind, Ownership Ownership,
        string RegionCode, int? FoundedYear, int? Enrolment)
    {
        public string RegionPath { get; set; } = string.Empty;
    }

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanCreate { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Region) || Kind is not null || Ownership is not null;

    public async Task OnGetAsync()
    {
        CanCreate = User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
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
                query = query.Where(i => i.RegionCode.StartsWith(prefix));
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
        var descending = Sort?.StartsWith('-') == true;
        IOrderedQueryable<Institution> ordered = (Sort?.TrimStart('-')) switch
        {
            "region" => descending ? query.OrderByDescending(i => i.RegionCode) : query.OrderBy(i => i.RegionCode),
            "kind" => descending ? query.OrderByDescending(i => i.Kind) : query.OrderBy(i => i.Kind),
            "founded" => descending ? query.OrderByDescending(i => i.FoundedYear) : query.OrderBy(i => i.FoundedYear),
            "enrolment" => descending ? query.OrderByDescending(i => i.Enrolment) : query.OrderBy(i => i.Enrolment),
            _ => descending ? query.OrderByDescending(i => i.Name) : query.OrderBy(i => i.Name),
        };
        Results = await ordered.ThenBy(i => i.Id)
            .Select(i => new Row(i.Id, i.Name, i.NameEn, i.Kind, i.Ownership, i.RegionCode, i.FoundedYear, i.Enrolment))
            .ToPageAsync(PageNumber);
        foreach (var row in Results.Items)
        {
            row.RegionPath = await regions.PathAsync(row.RegionCode, CultureInfo.CurrentUICulture);
        }
    }

    /// <summary>The current filters, for links that keep them (sorting, paging).</summary>
    public Dictionary<string, string> Query(string? sort = null)
    {
        var query = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[key] = value;
            }
        }
        Add("q", Q);
        Add("region", Region);
        Add("kind", Kind?.ToString());
        Add("ownership", Ownership?.ToString());
        Add("sort", sort ?? Sort);
        return query;
    }

    /// <summary>The sort link of a column: ascending first, then descending.</summary>
    public string SortValue(string key) => Sort == key ? "-" + key : key;

    public string? AriaSort(string key) =>
        Sort == key ? "ascending" : Sort == "-" + key ? "descending" : (key == "name" && string.IsNullOrEmpty(Sort) ? "ascending" : null);
}
