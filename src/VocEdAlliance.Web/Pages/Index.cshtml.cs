using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Summaries;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages;

/// <summary>The home page of each role. Everything on it goes through the access filter: a bureau sees its
/// jurisdiction, a principal the own school, the ministry everything.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> t) : PageModel
{
    public const int ExpiryWindowDays = 90;

    public sealed record AgreementRow(Guid Id, string Title, AgreementStatus Status, DateOnly? EffectiveTo, IReadOnlyList<string> Parties);
    public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, Domain.PartialDate StartsOn, string? AgreementTitle);

    public string DisplayName { get; private set; } = string.Empty;
    public IReadOnlyList<string> RoleKeys { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsBureau { get; private set; }
    public bool IsPrincipal { get; private set; }
    public bool SeesEverything { get; private set; }

    /// <summary>Recorded by another side, waiting for this user's side to confirm.</summary>
    public IReadOnlyList<AgreementRow> WaitingForUs { get; private set; } = [];

    /// <summary>Registration requests waiting for the bureau's answer (see <see cref="Partners.RegistrationRequests"/>).</summary>
    public int RegistrationRequestsWaiting { get; private set; }

    /// <summary>Recorded by this user's side, waiting for the counterpart.</summary>
    public IReadOnlyList<AgreementRow> WaitingForThem { get; private set; } = [];

    public IReadOnlyList<AgreementRow> Expiring { get; private set; } = [];

    /// <summary>Active agreements of the jurisdiction: every side confirmed the current terms.</summary>
    public int ConfirmedByAll { get; private set; }
    public IReadOnlyList<AgreementRow> MyAgreements { get; private set; } = [];
    public IReadOnlyList<ActivityRow> LatestActivities { get; private set; } = [];
    public (int Institutions, int Agreements, int Activities) Totals { get; private set; }

    /// <summary>The jurisdiction's programmes in their latest year, as the summaries count them (none: no programmes).</summary>
    public Web.Summaries.TableExport? Programmes { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.GetDisplayName() ?? string.Empty;
        RoleKeys = [.. Roles.All.Where(User.IsInRole).Select(role => $"Role.{role}")];
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        IsBureau = User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
        IsPrincipal = User.IsInRole(Roles.SchoolPrincipal);
        SeesEverything = db.Access.SeesEverything;
        var current = db.Agreements.AsNoTracking().Where(a => !a.IsArchived);

        if (IsBureau)
        {
            // Whose turn it is follows the confirmations: a pending agreement waits for us while a side we speak for
            // has not confirmed its current terms.
            var key = db.Access.SeesEverything ? null : db.Access.Key;
            var pending = await current.Where(a => a.Status == AgreementStatus.PendingCounterpartConfirmation)
                .Include(a => a.Parties).Include(a => a.Confirmations)
                .OrderBy(a => a.EffectiveFrom).Take(200).ToListAsync();
            WaitingForUs = [.. pending.Where(a => a.AwaitingConfirmationFrom(key).Any()).Take(20).Select(Row)];
            WaitingForThem = [.. pending.Where(a => !a.AwaitingConfirmationFrom(key).Any()).Take(20).Select(Row)];
            // From the summary rollups of the bureau's own key (kept exactly in sync; see Summaries/SummaryStore): one index
            // read instead of counting every agreement of a busy jurisdiction.
            ConfirmedByAll = SummaryStore.For(db) is { } rollups
                ? await rollups.AgreementCountAsync(AgreementStatus.Active)
                : await current.CountAsync(a => a.Status == AgreementStatus.Active);
            RegistrationRequestsWaiting = await Partners.RegistrationRequests.WaitingOn(db).CountAsync();
            var horizon = Today.AddDays(ExpiryWindowDays);
            Expiring = await Rows(current.Where(a => a.Status == AgreementStatus.Active && a.EffectiveTo != null
                                                     && a.EffectiveTo >= Today && a.EffectiveTo <= horizon)).ToListAsync();
            var figures = await new Web.Summaries.ProgrammeStatistics(db, clock).ByLevelAsync(new Web.Summaries.SummaryFilters(), new Dictionary<string, Domain.Regions.MacroZone>());
            if (figures.Count > 0)
            {
                Programmes = Web.Summaries.SummaryTables.ProgrammeTable(t["Home.Programmes", figures[0].Year].Value, figures, t);
            }
        }
        if (IsPrincipal)
        {
            MyAgreements = await Rows(current).ToListAsync();
        }
        if (IsBureau || IsPrincipal || SeesEverything)
        {
            LatestActivities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived)
                .OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).Take(10) // served by the (starts_on, id) index
                .Select(a => new ActivityRow(a.Id, a.Title, a.Kind, new Domain.PartialDate(a.StartsOn, a.StartsOnPrecision), a.Agreement != null ? a.Agreement.Title : null))
                .ToListAsync();
        }
        if (SeesEverything)
        {
            // Kept by the database as records change (see the migration ActivityAccessKeys): one row, not three counts
            // over the whole country. Only people who see everything are shown them.
            var totals = await db.Database.SqlQuery<NationalTotals>(
                    $"SELECT institutions, agreements, activities FROM portal_totals")
                .SingleAsync();
            Totals = ((int)totals.Institutions, (int)totals.Agreements, (int)totals.Activities);
        }
    }

    private sealed record NationalTotals(long Institutions, long Agreements, long Activities);

    private static AgreementRow Row(Agreement a) =>
        new(a.Id, a.Title, a.Status, a.EffectiveTo, [.. a.Parties.Select(p => p.OrganisationName).Order(StringComparer.Ordinal)]);

    private static IQueryable<AgreementRow> Rows(IQueryable<Agreement> agreements) =>
        agreements.OrderBy(a => a.EffectiveTo).ThenBy(a => a.Title).Take(20)
            .Select(a => new AgreementRow(a.Id, a.Title, a.Status, a.EffectiveTo,
                a.Parties.OrderBy(p => p.OrganisationName).Select(p => p.OrganisationName).ToList()));
}
