using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using Microsoft.Extensions.Localization;

namespace VocEdAlliance.Web.Pages.Activities;

/// <summary>The activities the user may see (scoped through their agreements and alliances), newest first.</summary>
public class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Field.Year")]
    public int? Year { get; set; }

    public sealed record Row(Guid Id, string Title, ActivityKind Kind, Domain.PartialDate StartsOn, string? AgreementTitle, string? Location);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Bureaus and principals record activities, and so may import them.</summary>
    public bool CanImport => User.IsInRole(Security.Roles.SystemAdmin) || User.IsInRole(Security.Roles.BureauAdmin)
                             || User.IsInRole(Security.Roles.BureauStaff) || User.IsInRole(Security.Roles.SchoolPrincipal);

    protected override string DefaultSort => "-date";

    protected override IEnumerable<ListFilter> Filters() =>
        [("q", Q), Choice("kind", Kind), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public async Task OnGetAsync()
    {
        var (query, ordered) = Selected();
        Results = await ordered
            .Select(a => new Row(a.Id, a.Title, a.Kind, new Domain.PartialDate(a.StartsOn, a.StartsOnPrecision), a.Agreement != null ? a.Agreement.Title : null, a.Location))
            .ToPageAsync(PageNumber, query);
    }

    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "Field.AgreementNumber", "Field.Agreement", "Field.Alliance", "Field.Title", "Field.ActivityKind", "Field.StartsOn",
        "Field.EndsOn", "Field.Location", "Field.ParticipatingOrganisations", "Field.Participants", "Field.Students",
        "Field.Teachers", "Field.Trainees", "Field.Employed", "Field.HouseholdsBenefited", "Field.IndustryLeaders", "Field.GiverOrganisationId", "Field.ReceiverOrganisationId", "Field.AmountCny",
        "Field.SourceOfFunds", "Field.Description",
    ];

    /// <summary>Every activity the filters select, in the list's order.</summary>
    public IActionResult OnGetExport(string? format)
    {
        var (_, ordered) = Selected();
        return Export(format, "Activities.Title", ExportColumns,
            ordered.Select(a => new
            {
                AgreementNumber = a.Agreement != null ? a.Agreement.Number : null,
                Agreement = a.Agreement != null ? a.Agreement.Title : null,
                Alliance = a.Alliance != null ? a.Alliance.Name : null,
                a.Title, a.Kind, a.StartsOn, a.StartsOnPrecision, a.EndsOn, a.EndsOnPrecision, a.Location, a.ParticipatingOrganisations, a.Participants, a.Students,
                a.Teachers, a.Trainees, a.Employed, a.HouseholdsBenefited, a.IndustryLeaders,
                // Giver and receiver are parties of the agreement or members of the alliance: named as recorded there.
                Giver = a.Agreement!.Parties.Where(p => p.OrganisationId == a.GiverOrganisationId).Select(p => p.OrganisationName).FirstOrDefault()
                        ?? a.Alliance!.Members.Where(m => m.OrganisationId == a.GiverOrganisationId).Select(m => m.OrganisationName).FirstOrDefault(),
                Receiver = a.Agreement!.Parties.Where(p => p.OrganisationId == a.ReceiverOrganisationId).Select(p => p.OrganisationName).FirstOrDefault()
                           ?? a.Alliance!.Members.Where(m => m.OrganisationId == a.ReceiverOrganisationId).Select(m => m.OrganisationName).FirstOrDefault(),
                a.AmountCny, a.SourceOfFunds, a.Description,
            }),
            a => ValueTask.FromResult<object?[]>([a.AgreementNumber, a.Agreement, a.Alliance, a.Title, t.Enum(a.Kind), DateCell(a.StartsOn, a.StartsOnPrecision),
                DateCell(a.EndsOn, a.EndsOnPrecision), a.Location, a.ParticipatingOrganisations, a.Participants, a.Students, a.Teachers, a.Trainees,
                a.Employed, a.HouseholdsBenefited, a.IndustryLeaders, a.Giver, a.Receiver, a.AmountCny, a.SourceOfFunds, a.Description]));
    }

    private (IQueryable<CooperationActivity> Query, IOrderedQueryable<CooperationActivity> Ordered) Selected()
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
        return (query, descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id));
    }
}
