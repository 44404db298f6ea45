using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>The yearly plans the user may see (through their agreement or alliance), with where each stands: draft,
/// submitted, approved. Actuals are on each plan's page and in the summaries' plans tables (one definition,
/// <see cref="Summaries.PlanProgress"/>).</summary>
public class IndexModel(AppDbContext db, PortalClock clock, IStringLocalizer<SharedResource> t, IAuthorizationService authorization) : ListPageModel
{
    /// <summary>The two queues: plans waiting for the user's approval, and plans the user's side submitted.</summary>
    public enum PlanView
    {
        WaitingForMe,
        SubmittedByUs,
    }

    [BindProperty(SupportsGet = true)] public PlanView? View { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Plans.Search")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PlanStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Field.Year")]
    public int? Year { get; set; }

    /// <param name="OwnerKind">The resource key naming what the plan belongs to (an agreement, an alliance, a jurisdiction).</param>
    public sealed record Row(Guid Id, int Year, string Owner, string OwnerKind, PlanStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt);

    /// <summary>The user's bureau, when they may draft its plan for their jurisdiction (a bureau's staff or admin).</summary>
    public Guid? OwnBureauId { get; private set; }

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>How many plans wait for the user's approval (the tab's badge), null for who approves nothing.</summary>
    public int? WaitingForMe { get; private set; }

    protected override string DefaultSort => "-year";

    protected override IEnumerable<ListFilter> Filters() =>
        [Choice("view", View), ("q", Q), Choice("status", Status), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public async Task<IActionResult> OnGetAsync()
    {
        if (ModelState.GetFieldValidationState(nameof(View)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // A queue that does not exist is no page (rather than every plan under a tab's address).
            return NotFound();
        }
        var (query, ordered) = Selected();
        WaitingForMe = PlanAccess.IsApprover(User, db.Access, out var jurisdiction) ? await AwaitingApproval(db.Plans, jurisdiction).CountAsync() : null;
        if (jurisdiction is not null && User.GetOrganisationId() is { } organisation
            && await db.Bureaus.FirstOrDefaultAsync(b => b.Id == organisation) is { } own
            && (await authorization.AuthorizeAsync(User, own, Security.Operations.RecordActivity)).Succeeded)
        {
            OwnBureauId = own.Id;
        }
        Results = await ordered
            .Select(p => new Row(p.Id, p.Year, p.Agreement != null ? p.Agreement.Title : p.Alliance != null ? p.Alliance.Name : p.Bureau!.Name,
                p.AgreementId != null ? "Field.Agreement" : p.AllianceId != null ? "Field.Alliance" : "Plans.Jurisdiction",
                p.Status, p.SubmittedAt, p.ApprovedAt))
            .ToPageAsync(PageNumber, query);
        return Page();
    }

    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "Field.Year", "Field.Agreement", "Field.Alliance", "Plans.Jurisdiction", "Field.Status", "Field.SubmittedAt", "Field.ApprovedAt",
        .. Enum.GetValues<Indicator>().Select(i => $"Plan.Target.{i}"),
    ];

    /// <summary>Every plan the filters select, with its targets.</summary>
    public IActionResult OnGetExport(string? format)
    {
        var (_, ordered) = Selected();
        return Export(format, "Plans.Title", ExportColumns,
            ordered.Select(p => new
            {
                p.Year, Agreement = p.Agreement != null ? p.Agreement.Title : null, Alliance = p.Alliance != null ? p.Alliance.Name : null,
                Bureau = p.Bureau != null ? p.Bureau.Name : null,
                p.Status, p.SubmittedAt, p.ApprovedAt, p.Targets,
            }),
            p => ValueTask.FromResult<object?[]>([p.Year, p.Agreement, p.Alliance, p.Bureau, t.Enum(p.Status),
                p.SubmittedAt is { } submitted ? clock.TimeOf(submitted) : null, p.ApprovedAt is { } approved ? clock.TimeOf(approved) : null,
                .. Enum.GetValues<Indicator>().Select(i => (object?)Target(i, p.Targets.For(i)))]));
    }

    /// <summary>A target as the form takes it: funds in yuan to the fen, every other indicator (people, schools,
    /// events) a whole number — not the column's 14.00.</summary>
    private static decimal? Target(Indicator indicator, decimal? target) =>
        target is not { } value ? null : indicator == Indicator.FundsCny ? value : decimal.Truncate(value);

    /// <summary>The submitted plans routed to this approver (a bureau's jurisdiction prefix; null: the system admin).</summary>
    public static IQueryable<YearlyPlan> AwaitingApproval(IQueryable<YearlyPlan> plans, string? jurisdiction) =>
        plans.Where(p => p.Status == PlanStatus.Submitted && p.ApproverJurisdiction == jurisdiction
                            && (p.Agreement == null || !p.Agreement.IsArchived));

    private (IQueryable<YearlyPlan> Query, IOrderedQueryable<YearlyPlan> Ordered) Selected()
    {
        var query = db.Plans.AsNoTracking().Where(p => p.Agreement == null || !p.Agreement.IsArchived);
        if (View == PlanView.WaitingForMe)
        {
            query = PlanAccess.IsApprover(User, db.Access, out var jurisdiction) ? AwaitingApproval(query, jurisdiction) : query.Where(_ => false);
        }
        else if (View == PlanView.SubmittedByUs)
        {
            var key = db.Access.Key;
            query = query.Where(p => p.SubmittedBy == key);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            query = query.Where(p => (p.Agreement != null && EF.Functions.ILike(p.Agreement.Title, pattern, @"\"))
                                     || (p.Alliance != null && EF.Functions.ILike(p.Alliance.Name, pattern, @"\"))
                                     || (p.Bureau != null && EF.Functions.ILike(p.Bureau.Name, pattern, @"\")));
        }
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (Year is { } year)
        {
            query = query.Where(p => p.Year == year);
        }
        var descending = SortDescending;
        IOrderedQueryable<YearlyPlan> ordered = SortKey switch
        {
            "status" => descending ? query.OrderByDescending(p => p.Status) : query.OrderBy(p => p.Status),
            _ => descending ? query.OrderByDescending(p => p.Year) : query.OrderBy(p => p.Year),
        };
        return (query, descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id));
    }
}
