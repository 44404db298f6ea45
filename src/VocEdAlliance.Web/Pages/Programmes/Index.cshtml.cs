using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Pages.Programmes;

/// <summary>The programmes (专业) of the schools the user may see, with their level, catalogue code, major category,
/// years and the key industry they serve.</summary>
public class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "Programmes.Search")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Field.ProgrammeLevel")] public ProgrammeLevel? Level { get; set; }

    /// <summary>Only the programmes taught in this year.</summary>
    [BindProperty(SupportsGet = true), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Field.Year")]
    public int? Year { get; set; }

    /// <summary>Only this school's programmes.</summary>
    [BindProperty(SupportsGet = true, Name = "school")] public Guid? InstitutionId { get; set; }

    public sealed record Row(Guid Id, string Name, string Code, ProgrammeLevel Level, int Category, string School, int? OpenedIn, int? ClosedIn,
        string? KeyIndustry);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Bureaus and principals keep programmes, and so may import them.</summary>
    public bool MayImport => db.Access.MayWrite && !User.IsInRole(Security.Roles.MinistryOfficial);

    protected override string DefaultSort => "school";

    protected override IEnumerable<ListFilter> Filters() =>
        [("q", Q), Choice("level", Level), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         ("school", InstitutionId?.ToString())];

    public async Task<IActionResult> OnGetAsync()
    {
        if (ModelState.GetFieldValidationState("school") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return NotFound(); // a school id that is not one names no school
        }
        var (query, ordered) = Selected();
        Results = await Project(ordered).ToPageAsync(PageNumber, query);
        return Page();
    }

    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "Field.Institution", "Field.ProgrammeName", "Field.ProgrammeLevel", "Field.CatalogueCode", "Field.MajorCategory", "Field.OpenedIn",
        "Field.ClosedIn", "Field.ClosedReason", "Field.DownsizedIn", "Field.DownsizedReason", "Field.KeyIndustry",
    ];

    public IActionResult OnGetExport(string? format)
    {
        var (_, ordered) = Selected();
        return Export(format, "Programmes.Title", ExportColumns,
            ordered.Select(p => new
            {
                School = db.Institutions.Where(i => i.Id == p.InstitutionId).Select(i => i.Name).FirstOrDefault(),
                p.Name, p.Level, p.CatalogueCode, p.MajorCategory, p.OpenedIn, p.ClosedIn, p.ClosedReason, p.DownsizedIn, p.DownsizedReason,
                KeyIndustry = db.KeyIndustries.Where(k => k.Id == p.KeyIndustryId).Select(k => k.Name).FirstOrDefault(),
            }),
            p => ValueTask.FromResult<object?[]>([p.School, p.Name, t.Enum(p.Level), p.CatalogueCode, t[$"MajorCategory.{p.MajorCategory}"].Value,
                p.OpenedIn, p.ClosedIn, p.ClosedReason, p.DownsizedIn, p.DownsizedReason, p.KeyIndustry]));
    }

    private IQueryable<Row> Project(IQueryable<Programme> programmes) =>
        programmes.Select(p => new Row(p.Id, p.Name, p.CatalogueCode, p.Level, p.MajorCategory,
            db.Institutions.Where(i => i.Id == p.InstitutionId).Select(i => i.Name).FirstOrDefault() ?? string.Empty,
            p.OpenedIn, p.ClosedIn, db.KeyIndustries.Where(k => k.Id == p.KeyIndustryId).Select(k => k.Name).FirstOrDefault()));

    private (IQueryable<Programme> Query, IOrderedQueryable<Programme> Ordered) Selected()
    {
        var query = db.Programmes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, @"\") || EF.Functions.ILike(p.CatalogueCode, pattern, @"\")
                                     || db.Institutions.Any(i => i.Id == p.InstitutionId && EF.Functions.ILike(i.Name, pattern, @"\")));
        }
        if (Level is { } level)
        {
            query = query.Where(p => p.Level == level);
        }
        if (Year is { } year)
        {
            query = query.Where(p => (p.OpenedIn == null || p.OpenedIn <= year) && (p.ClosedIn == null || p.ClosedIn > year));
        }
        if (InstitutionId is { } school)
        {
            query = query.Where(p => p.InstitutionId == school);
        }
        var descending = SortDescending;
        IOrderedQueryable<Programme> ordered = SortKey switch
        {
            "name" => descending ? query.OrderByDescending(p => p.Name) : query.OrderBy(p => p.Name),
            "code" => descending ? query.OrderByDescending(p => p.CatalogueCode) : query.OrderBy(p => p.CatalogueCode),
            _ => descending ? query.OrderByDescending(p => p.InstitutionId) : query.OrderBy(p => p.InstitutionId),
        };
        return (query, descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id));
    }
}
