using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>Finding a partner anywhere in the country (<see cref="PartnerDirectory"/>): a search page, and the
/// suggestions the party, member and lead fields offer as the user types. Each entry links to the record when the user
/// may see it, to the partner's public profile when they share an agreement, and nowhere otherwise.</summary>
public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxQueryLength = 100;

    [BindProperty(SupportsGet = true), StringLength(MaxQueryLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Directory.Search")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public enum Link
    {
        None,
        Record,
        Profile,
    }

    public sealed record Row(PartnerDirectory.Entry Entry, string RegionPath, Link Link);

    public bool MayRequest => User.IsInRole(Security.Roles.SystemAdmin) || User.IsInRole(Security.Roles.BureauAdmin) || User.IsInRole(Security.Roles.BureauStaff);

    public IReadOnlyDictionary<string, string> PagerQuery => new Dictionary<string, string> { ["q"] = Q ?? string.Empty };

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync()
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        var found = PartnerDirectory.Search(db, Q, await PartnerDirectory.RegionPrefixesAsync(regions, Q));
        var page = await found.ToPageAsync(PageNumber, found);
        var ids = page.Items.Select(e => e.Id).ToList();
        var visible = (await db.Institutions.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync()).ToHashSet();
        var partners = (await db.Set<Domain.Agreements.AgreementParty>().Where(p => ids.Contains(p.OrganisationId))
            .Select(p => p.OrganisationId).Distinct().ToListAsync()).ToHashSet();
        var rows = new List<Row>(page.Items.Count);
        foreach (var entry in page.Items)
        {
            rows.Add(new Row(entry, await regions.PathAsync(entry.RegionCode, CultureInfo.CurrentUICulture),
                visible.Contains(entry.Id) ? Link.Record : partners.Contains(entry.Id) ? Link.Profile : Link.None));
        }
        Results = new PageOf<Row>(rows, page.Page, page.PageSize, page.Total, page.MoreThanTotal);
    }

    /// <summary>Up to 20 suggestions for a party, member or lead field: the value the form takes (see
    /// <see cref="PartnerDirectory.ValuesAsync"/>) and what tells it apart (kind, region, credit code).</summary>
    public async Task<IActionResult> OnGetSuggestAsync()
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Q))
        {
            return new JsonResult(Array.Empty<object>());
        }
        var entries = await PartnerDirectory.Search(db, Q, await PartnerDirectory.RegionPrefixesAsync(regions, Q)).Take(20).ToListAsync();
        var values = await PartnerDirectory.ValuesAsync(db, entries);
        var suggestions = new List<object>(entries.Count);
        foreach (var entry in entries)
        {
            suggestions.Add(new { Label = values[entry.Id], Detail = await DescribeAsync(entry) });
        }
        return new JsonResult(suggestions);
    }

    /// <summary>"浏阳市演示职业学校 · 中等职业学校 · 湖南省 长沙市 浏阳市 · 5243…": the entry's public identity in one line.</summary>
    private async Task<string> DescribeAsync(PartnerDirectory.Entry entry) =>
        string.Join(" · ", new[] { entry.Name, KindOf(entry, t), await regions.PathAsync(entry.RegionCode, CultureInfo.CurrentUICulture), entry.CreditCode }
            .Where(part => !string.IsNullOrEmpty(part)));

    public static string KindOf(PartnerDirectory.Entry entry, IStringLocalizer t) =>
        entry.Kind is { } kind ? t.Enum(kind) : t.Enum(entry.Type);
}
