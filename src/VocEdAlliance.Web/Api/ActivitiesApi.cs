using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Activities;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Api;

/// <summary>A cooperation activity and its outcomes, as the API shows it (members named as the bodies name them).</summary>
public sealed record ActivityItem(Guid Id, Guid? AgreementId, Guid? AllianceId, ActivityKind Kind, string Title, DateOnly StartsOn,
    DateOnly? EndsOn, string? Location, string? ParticipatingOrganisations, int? Participants, int? Students, int? Teachers,
    int? Trainees, decimal? AmountCny, string? Description, Guid? GiverOrganisationId, Guid? ReceiverOrganisationId,
    string? SourceOfFunds, bool Archived, DateTimeOffset RecordedAt, uint Version, Domain.DatePrecision StartsOnPrecision,
    Domain.DatePrecision EndsOnPrecision, int? Employed, int? HouseholdsBenefited, int? IndustryLeaders);

/// <summary><c>/api/v1/activities</c>: read what the caller may see; record one on an agreement or alliance and change
/// one, as whoever may do so on the pages, through the forms' one code path (<see cref="ActivityInput.Record"/>,
/// <see cref="ActivityInput.ApplyTo"/>).</summary>
public static class ActivitiesApi
{
    private static readonly Expression<Func<CooperationActivity, ActivityItem>> Item = a => new ActivityItem(a.Id, a.AgreementId, a.AllianceId,
        a.Kind, a.Title, a.StartsOn, a.EndsOn, a.Location, a.ParticipatingOrganisations, a.Participants, a.Students, a.Teachers, a.Trainees,
        a.AmountCny, a.Description, a.GiverOrganisationId, a.ReceiverOrganisationId, a.SourceOfFunds, a.IsArchived, a.RecordedAt, a.Version,
        a.StartsOnPrecision, a.EndsOnPrecision, a.Employed, a.HouseholdsBenefited, a.IndustryLeaders);

    private static readonly Func<CooperationActivity, ActivityItem> ToItem = Item.Compile();

    private static readonly HashSet<string> ReadOnlyMembers = ["id", "agreementId", "allianceId", "archived", "recordedAt", "version"];

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");
        group.MapGet("/", ListAsync).WithName("ListActivities").WithSummary("Activities the caller may see, by cursor").Lists<ActivityItem>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetActivity").WithSummary("One activity; its version is the ETag").Reads<ActivityItem>();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateActivity")
            .WithSummary("Replaces an activity's values (If-Match: its ETag)").Changes<ActivityInput, ActivityItem>();
        api.MapPost("/agreements/{id:guid}/activities", (Guid id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
                TimeProvider clock, IStringLocalizer<SharedResource> t) =>
                RecordAsync(http, db, authorization, clock, t, db.Agreements.Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == id, http.RequestAborted)))
            .WithTags("Activities").WithName("RecordAgreementActivity").WithSummary("Records an activity of an agreement")
            .Creates<ActivityInput, ActivityItem>();
        api.MapPost("/alliances/{id:guid}/activities", (Guid id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
                TimeProvider clock, IStringLocalizer<SharedResource> t) =>
                RecordAsync(http, db, authorization, clock, t, db.Alliances.SingleOrDefaultAsync(a => a.Id == id, http.RequestAborted)))
            .WithTags("Activities").WithName("RecordAllianceActivity").WithSummary("Records an activity of an alliance")
            .Creates<ActivityInput, ActivityItem>();
    }

    private static Task<IResult> ListAsync([AsParameters] ApiPaging paging, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        paging.ListAsync(db.Activities.AsNoTracking(), a => a.Id, Item, a => a.Id, t, http);

    private static Task<IResult> GetAsync(Guid id, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        ApiWrites.OneAsync(http, t, db.Activities.AsNoTracking().Where(a => a.Id == id).Select(Item).SingleOrDefaultAsync(http.RequestAborted), a => a.Version);

    private static async Task<IResult> RecordAsync<TOwner>(HttpContext http, AppDbContext db, IAuthorizationService authorization,
        TimeProvider clock, IStringLocalizer<SharedResource> t, Task<TOwner?> owner)
        where TOwner : class
    {
        if (await owner is not { } found)
        {
            return ApiResults.NotFound(t);
        }
        if (!(await authorization.AuthorizeAsync(http.User, found, Operations.RecordActivity)).Succeeded)
        {
            return ApiResults.Forbidden(t);
        }
        return await ApiWrites.CreateAsync<ActivityInput>(http, db, clock, t, ReadOnlyMembers, (input, errors) =>
        {
            if (input.Record(found as Agreement, found as Alliance, http.User.GetUserId()!.Value, clock.GetUtcNow(), errors, t) is not { } activity)
            {
                return Task.FromResult<ApiWrites.Made?>(null);
            }
            db.Activities.Add(activity);
            return Task.FromResult<ApiWrites.Made?>(new ApiWrites.Made($"/api/v1/activities/{activity.Id}", () => ToItem(activity), () => activity.Version));
        });
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        IStringLocalizer<SharedResource> t)
    {
        var activity = await db.Activities.Include(a => a.Agreement).ThenInclude(a => a!.Parties).Include(a => a.Alliance)
            .SingleOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (activity is null)
        {
            return ApiResults.NotFound(t);
        }
        if (!(await authorization.AuthorizeAsync(http.User, activity, Operations.Update)).Succeeded)
        {
            return ApiResults.Forbidden(t);
        }
        return await ApiWrites.ChangeAsync<ActivityInput>(http, db, t, activity.Version, ReadOnlyMembers,
            (input, errors) => Task.FromResult(input.ApplyTo(activity, errors, t)), () => (ToItem(activity), activity.Version));
    }
}
