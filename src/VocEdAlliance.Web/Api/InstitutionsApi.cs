using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Institutions;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Api;

/// <summary>An institution as the API shows it: its members are named as the create and update bodies name them
/// (<c>region</c> is the region's code).</summary>
public sealed record InstitutionItem(Guid Id, string Name, string? NameEn, InstitutionKind Kind, Ownership Ownership, string Region,
    string? Address, string? Head, string? ContactPhone, string? Website, string? CreditCode, int? FoundedYear, int? Enrolment, uint Version);

/// <summary><c>/api/v1/institutions</c>: read what the caller may see; bureaus create, and whoever may edit an
/// institution (its bureau, its principal for the profile) updates, through the forms' one code path
/// (<see cref="InstitutionInput.CreateAsync"/>, <see cref="InstitutionInput.UpdateAsync"/>).</summary>
public static class InstitutionsApi
{
    private static readonly Expression<Func<Institution, InstitutionItem>> Item = i => new InstitutionItem(i.Id, i.Name, i.NameEn, i.Kind,
        i.Ownership, i.RegionCode, i.Address, i.Head, i.ContactPhone, i.Website, i.CreditCode, i.FoundedYear, i.Enrolment, i.Version);

    private static readonly Func<Institution, InstitutionItem> ToItem = Item.Compile();

    private static readonly HashSet<string> ReadOnlyMembers = ["id", "version"];

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions").WithTags("Institutions");
        group.MapGet("/", ListAsync).WithName("ListInstitutions").WithSummary("Institutions the caller may see, by cursor").Lists<InstitutionItem>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInstitution").WithSummary("One institution; its version is the ETag").Reads<InstitutionItem>();
        group.MapPost("/", CreateAsync).WithName("CreateInstitution").WithSummary("Registers an institution in the caller's jurisdiction (bureaus)")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireRole(Roles.SystemAdmin, Roles.BureauAdmin, Roles.BureauStaff))
            .Creates<InstitutionInput, InstitutionItem>();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateInstitution")
            .WithSummary("Replaces an institution's values (If-Match: its ETag); a principal changes the own school's profile only")
            .Changes<InstitutionInput, InstitutionItem>();
    }

    private static Task<IResult> ListAsync([AsParameters] ApiPaging paging, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        paging.ListAsync(db.Institutions.AsNoTracking(), i => i.Id, Item, i => i.Id, t, http);

    private static Task<IResult> GetAsync(Guid id, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        ApiWrites.OneAsync(http, t, db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(Item).SingleOrDefaultAsync(http.RequestAborted), i => i.Version);

    private static async Task<IResult> CreateAsync(HttpContext http, AppDbContext db, RegionDirectory regions, IAuthorizationService authorization,
        TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        if (!db.Access.MayWrite)
        {
            return ApiResults.Forbidden(t);
        }
        var rules = new InstitutionRules(db, regions, authorization, http.User, clock.GetLocalNow().Year, t);
        return await ApiWrites.CreateAsync<InstitutionInput>(http, db, clock, t, ReadOnlyMembers, async (input, errors) =>
        {
            if (await input.CreateAsync(rules, errors) is not { } institution)
            {
                return null;
            }
            db.Institutions.Add(institution);
            return new ApiWrites.Made($"/api/v1/institutions/{institution.Id}", () => ToItem(institution), () => institution.Version);
        });
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, AppDbContext db, RegionDirectory regions,
        IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, http.RequestAborted);
        if (institution is null)
        {
            return ApiResults.NotFound(t);
        }
        if (!(await authorization.AuthorizeAsync(http.User, institution, Operations.Update)).Succeeded)
        {
            return ApiResults.Forbidden(t);
        }
        var rules = new InstitutionRules(db, regions, authorization, http.User, clock.GetLocalNow().Year, t);
        return await ApiWrites.ChangeAsync<InstitutionInput>(http, db, t, institution.Version, ReadOnlyMembers,
            (input, errors) => input.UpdateAsync(institution, rules, errors), () => (ToItem(institution), institution.Version));
    }
}
