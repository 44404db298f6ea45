using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Activities;

/// <summary>The activities the user may see (scoped through their agreements and alliances), newest first.</summary>
public class IndexModel(AppDbContext db) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Field.Year")]
    public int? Year { get; set; }

    public sealed record Row(Guid Id, string Title, ActivityKind Kind, DateOnly StartsOn, string? AgreementTitle, string? Location);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    protected override string DefaultSort => "-date";

    protected override IEnumerable<(string Key, string? Value)> Filters() =>
        [("q", Q), ("kind", Kind?.ToString()), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public async Task OnGetAsync()
    {
        var query = db.Activities.AsNoTracking().Where(a => !a.IsArchived);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            query = query.Where(a => EF.Functions.ILike(a.Title, pattern, @"\") || EF.Functions.ILike(a.Location!, pattern, @"\")
                                     || (a.Agreement != null && EF.Functions.ILike(a.Agreement.Title, pattern, @"\")));
        }
        if (Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (Year is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            query = query.Where(a => a.StartsOn >= start && a.StartsOn <= end);
        }
        var descending = SortDescending;
        IOrderedQueryable<CooperationActivity> ordered = SortKey switch
        {
            "title" => descending ? query.OrderByDescending(a => a.Title) : query.OrderBy(a => a.Title),
            "kind" => descending ? query.OrderByDescending(a => a.Kind) : query.OrderBy(a => a.Kind),
            _ => descending ? query.OrderByDescending(a => a.StartsOn) : query.OrderBy(a => a.StartsOn),
        };
        Results = await (descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id))
            .Select(a => new Row(a.Id, a.Title, a.Kind, a.StartsOn, a.Agreement != null ? a.Agreement.Title : null, a.Location))
            .ToPageAsync(PageNumber, query);
    }
}
