using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Import;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Api;

/// <summary>A summary table as the summaries page shows it beside its chart, and as its exports write it.</summary>
public sealed record SummaryTableItem(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary><c>/api/v1/summaries</c>: the summaries' tables (<see cref="SummaryTables"/>) for the ministry and bureaus,
/// with the page's filters (<c>from</c>, <c>to</c>, <c>years</c>, <c>kind</c>, <c>alliance</c>, <c>zone</c>,
/// <c>province</c>, <c>region</c>), bound and checked as the page binds and checks them; a filter the page would refuse
/// is a 400 here (a program should not get figures for filters it did not mean).</summary>
public static class SummariesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/summaries").WithTags("Summaries")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.SystemAdmin, Roles.MinistryOfficial, Roles.BureauAdmin, Roles.BureauStaff));
        group.MapGet("/", () => Results.Ok(SummaryTables.All)).WithName("ListSummaryTables").WithSummary("The names of the summary tables")
            .Produces<IReadOnlyList<string>>().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{table}", TableAsync).WithName("GetSummaryTable")
            .WithSummary("One summary table, with the summaries page's filters as query parameters")
            .Produces<SummaryTableItem>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> TableAsync(string table, HttpContext http, AppDbContext db, RegionDirectory regions,
        TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        if (!SummaryTables.All.Contains(table))
        {
            return ApiResults.NotFound(t);
        }
        if (SummaryStore.For(db) is not { } store)
        {
            return ApiResults.Forbidden(t);
        }
        var page = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var (filters, errors) = await http.RequestServices.GetRequiredService<RowBinding>().BindQueryAsync<SummaryFilters>(page, http.Request.Query);
        var report = new SummaryReport(db, regions, store);
        var check = new SummaryFilterCheck(db, regions, report, t);
        await check.CheckAsync(filters, http.Request.Query, errors);
        var (_, allianceUnknown) = await check.ResolveAllianceAsync(filters);
        if (allianceUnknown)
        {
            errors.AddModelError("alliance", t["Api.Problem.AllianceUnknown"]);
        }
        if (!errors.IsValid)
        {
            return ApiInput.Refused<SummaryFilters>(errors, t, StatusCodes.Status400BadRequest);
        }
        var built = await new SummaryTables(report, new PlanProgress(db, clock), new ProgrammeStatistics(db, clock), new EvaluationRanking(db), new TrainingOutcomes(db), t)
            .BuildAsync(table, filters, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new SummaryTableItem(built.Name, built.Title, built.Headers, built.Rows));
    }
}
