using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Api;

/// <summary>A party, listed in its order (<c>position</c> from 1), with its role (Initiator, Signatory, Witness, GuidingUnit).</summary>
public sealed record AgreementPartyItem(Guid OrganisationId, string Name, OrganisationType Type, InstitutionKind? InstitutionKind,
    string Region, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn, PartyRole Role, int Position);

/// <summary>One side's confirmation: of the terms with this hash (<c>ofCurrentTerms</c>: the agreement's terms are
/// still these).</summary>
public sealed record AgreementConfirmationItem(Guid PartyOrganisationId, DateTimeOffset ConfirmedAt, string TermsHash, bool OfCurrentTerms);

public sealed record AgreementItem(Guid Id, string? Number, string Title, AgreementKind Kind, AgreementStatus Status, Guid? AllianceId,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyList<CooperationMode> Modes, string? Specialties, string? Notes, bool Archived,
    DateOnly? TerminatedOn, Guid? RenewedFromId, string TermsHash, IReadOnlyList<AgreementPartyItem> Parties,
    IReadOnlyList<AgreementConfirmationItem> Confirmations, Guid? ImplementsFrameworkId, string? CollegeName,
    IReadOnlyList<AgreementQuota> Quotas, uint Version, Domain.DatePrecision EffectiveFromPrecision);

/// <summary><c>/api/v1/agreements</c>: read what the caller may see, with parties and confirmations; confirm the
/// version read (If-Match), as on the agreement's page (<see cref="Agreement.Confirm"/>).</summary>
public static class AgreementsApi
{
    private static readonly Expression<Func<Agreement, AgreementItem>> Item = a => new AgreementItem(a.Id, a.Number, a.Title, a.Kind,
        a.Status, a.AllianceId, a.EffectiveFrom, a.EffectiveTo, a.Modes, a.Specialties, a.Notes, a.IsArchived, a.TerminatedOn, a.RenewedFromId,
        a.TermsHash,
        a.Parties.OrderBy(p => p.Position).Select(p => new AgreementPartyItem(p.OrganisationId, p.OrganisationName, p.OrganisationType,
            p.InstitutionKind, p.RegionCode, p.SignatoryName, p.SignatoryTitle, p.SignedOn, p.Role, p.Position)).ToList(),
        a.Confirmations.OrderBy(c => c.ConfirmedAt).Select(c => new AgreementConfirmationItem(c.PartyOrganisationId, c.ConfirmedAt,
            c.TermsHash, c.TermsHash == a.TermsHash)).ToList(),
        a.ImplementsFramework != null ? a.ImplementsFrameworkId : null, a.CollegeName, a.Quotas, a.Version, a.EffectiveFromPrecision);

    private static readonly Func<Agreement, AgreementItem> ToItem = Item.Compile();

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agreements").WithTags("Agreements");
        group.MapGet("/", ListAsync).WithName("ListAgreements").WithSummary("Agreements the caller may see, with parties and confirmations, by cursor")
            .Lists<AgreementItem>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAgreement").WithSummary("One agreement; its version is the ETag").Reads<AgreementItem>();
        group.MapPost("/{id:guid}/confirmation", ConfirmAsync).WithName("ConfirmAgreement")
            .WithSummary("Confirms, for the caller's side, the version named by If-Match")
            .Produces<AgreementItem>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static Task<IResult> ListAsync([AsParameters] ApiPaging paging, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        paging.ListAsync(db.Agreements.AsNoTracking(), a => a.Id, Item, a => a.Id, t, http);

    private static Task<IResult> GetAsync(Guid id, AppDbContext db, IStringLocalizer<SharedResource> t, HttpContext http) =>
        ApiWrites.OneAsync(http, t, db.Agreements.AsNoTracking().Where(a => a.Id == id).Select(Item).SingleOrDefaultAsync(http.RequestAborted), a => a.Version);

    private static async Task<IResult> ConfirmAsync(Guid id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        // The framework through the filter too: its id is shown only to who may see it.
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).Include(a => a.ImplementsFramework)
            .SingleOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (agreement is null)
        {
            return ApiResults.NotFound(t);
        }
        if (!db.Access.MayWrite)
        {
            return ApiResults.Forbidden(t);
        }
        if (ApiResults.Precondition(http, t, agreement.Version) is { } precondition)
        {
            return precondition;
        }
        if (!(await authorization.AuthorizeAsync(http.User, agreement, Operations.Confirm)).Succeeded)
        {
            // Draft, archived, already confirmed by the caller's side, or the caller speaks for no party.
            return ApiResults.Problem(t, StatusCodes.Status409Conflict, "Api.Problem.NothingToConfirm");
        }
        agreement.Confirm(db.Access.SeesEverything ? null : db.Access.Key, http.User.GetUserId()!.Value, clock.GetUtcNow());
        db.Entry(agreement).Property(a => a.Status).IsModified = true;
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.Changed(t);
        }
        return ApiResults.Item(http, ToItem(agreement), agreement.Version);
    }
}
