using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Plans;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Api;

public sealed record AllianceMemberItem(Guid OrganisationId, string Name, OrganisationType Type, string Region, MemberRole Role,
    DateOnly? JoinedOn, DateOnly? LeftOn, Domain.DatePrecision JoinedOnPrecision);

public sealed record AllianceItem(Guid Id, string Name, string? NameEn, AllianceKind Kind, IReadOnlyList<FocusArea> FocusAreas,
    DateOnly? FoundedOn, Guid? ParentAllianceId, string? Description, IReadOnlyList<AllianceMemberItem> Members, uint Version,
    Domain.DatePrecision FoundedOnPrecision);

/// <summary>A yearly plan; <c>indicators</c> (one plan only) hold each target with its actual, counted by the one
/// definition the plan's page and the summaries use (<see cref="PlanProgress.ActivitiesOf"/>, <see cref="PlanTargets.Actual"/>).</summary>
public sealed record PlanItem(Guid Id, Guid? AgreementId, Guid? AllianceId, string Owner, int Year, PlanStatus Status, PlanTargets Targets,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, uint Version, IReadOnlyList<DetailsModel.IndicatorRow>? Indicators = null);

/// <summary><c>/api/v1/alliances</c> with their members (past ones too, with the day they left) and
/// <c>/api/v1/plans</c>: read what the caller may see.</summary>
public static class AlliancesApi
{
    private static readonly Expression<Func<Alliance, AllianceItem>> Alliance = a => new AllianceItem(a.Id, a.Name, a.NameEn, a.Kind,
        a.FocusAreas, a.FoundedOn, a.ParentAllianceId, a.Description,
        a.Members.OrderBy(m => m.Id).Select(m => new AllianceMemberItem(m.OrganisationId, m.OrganisationName, m.OrganisationType, m.RegionCode,
            m.Role, m.JoinedOn, m.LeftOn, m.JoinedOnPrecision)).ToList(),
        a.Version, a.FoundedOnPrecision);

    private static readonly Expression<Func<YearlyPlan, PlanItem>> Plan = p => new PlanItem(p.Id, p.AgreementId, p.AllianceId,
        p.Agreement != null ? p.Agreement.Title : p.Alliance != null ? p.Alliance.Name : p.Bureau != null ? p.Bureau.Name : string.Empty,
        p.Year, p.Status, p.Targets, p.SubmittedAt, p.ApprovedAt, p.Version, null);

    public static void Map(RouteGroupBuilder api)
    {
        var alliances = api.MapGroup("/alliances").WithTags("Alliances");
        alliances.MapGet("/", ListAlliancesAsync).WithName("ListAlliances").WithSummary("Alliances the caller may see, with members, by cursor")
            .Lists<AllianceItem>();
        alliances.MapGet("/{id:guid}", GetAllianceAsync).WithName("GetAlliance").WithSummary("One alliance; its version is the ETag")
            .Reads<AllianceItem>();
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListPlansAsync).WithName("ListPlans").WithSummary("Yearly plans the caller may see, by cursor").Lists<PlanItem>();
        plans.MapGet("/{id:guid}", GetPlanAsync).WithName("GetPlan").WithSummary("One yearly plan with its targets against actuals")
            .Reads<PlanItem>();
    }

    private static Task<IResult> ListAlliancesAsync([AsParameters] ApiPaging paging, AppDbContext db, IStringLocalizer<SharedResource> t,
        HttpContext http) =>
        paging.ListAsync(db.Alliances.AsNoTracking(), a => a.Id, Alliance, a => a.Id, t, http);

    private static Task<IResult> GetAllianceAsync(Guid id, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        ApiWrites.OneAsync(http, t, db.Alliances.AsNoTracking().Where(a => a.Id == id).Select(Alliance).SingleOrDefaultAsync(http.RequestAborted), a => a.Version);

    private static Task<IResult> ListPlansAsync([AsParameters] ApiPaging paging, AppDbContext db, IStringLocalizer<SharedResource> t,
        HttpContext http) =>
        paging.ListAsync(db.Plans.AsNoTracking(), p => p.Id, Plan, p => p.Id, t, http);

    private static async Task<IResult> GetPlanAsync(Guid id, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Bureau).SingleOrDefaultAsync(p => p.Id == id, http.RequestAborted);
        if (plan is null || await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(Plan).SingleOrDefaultAsync(http.RequestAborted) is not { } item)
        {
            return ApiResults.NotFound(t);
        }
        var activities = await PlanProgress.ActivitiesOf(db, plan).ToListAsync(http.RequestAborted);
        var schools = await PlanProgress.SchoolsOfAsync(db, plan);
        return ApiResults.Item(http, item with { Indicators = DetailsModel.IndicatorRow.Of(plan, activities, schools) }, item.Version);
    }
}
