using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Evaluations;

/// <summary>考核评价: the rounds (newest first), what waits for the user — self-assessments of their side still open,
/// submissions waiting for their review — and, for the ministry and bureaus, a button to start a round.</summary>
public class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record RoundRow(Guid Id, string Title, int Year, string Publisher, EvaluationRoundStatus Status, DateOnly DueOn);

    public sealed record WaitingRow(Guid Id, string Round, string Agreement, string Party, PartyEvaluationStatus Status, DateOnly DueOn);

    /// <summary>How many waiting rows a list shows (the round pages list them all).</summary>
    public const int Listed = 50;

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public IReadOnlyList<WaitingRow> ToAssess { get; private set; } = [];
    public IReadOnlyList<WaitingRow> ToReview { get; private set; } = [];
    public bool MayStart { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = db.Access;
        MayStart = EvaluationRules.MayPublish(User, scope, out _);
        var rounds = await EvaluationAccess.VisibleRounds(db).AsNoTracking().OrderByDescending(r => r.Year).ThenBy(r => r.Title).Take(200).ToListAsync();
        // Each publisher named once (a bureau publishes a round a year; the list is not a query per row).
        var publishers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var round in rounds.DistinctBy(r => r.PublisherJurisdiction))
        {
            publishers[round.PublisherJurisdiction ?? string.Empty] = await EvaluationAccess.PublisherNameAsync(db, round, t);
        }
        Rounds = [.. rounds.Select(r => new RoundRow(r.Id, r.Title, r.Year, publishers[r.PublisherJurisdiction ?? string.Empty], r.Status, r.DueOn))];
        // The user's side's own assessments still open (a school's; a bureau's parties in its jurisdiction).
        if (scope.MayWrite && !scope.SeesEverything)
        {
            var open = db.PartyEvaluations.AsNoTracking().Where(e => e.Status == PartyEvaluationStatus.Open && e.Round.Status == EvaluationRoundStatus.Open);
            var jurisdiction = scope.Key.StartsWith("r:", StringComparison.Ordinal) ? scope.Key[2..] : null;
            var organisation = Guid.TryParseExact(scope.Key[2..], "N", out var id) ? id : Guid.Empty;
            open = jurisdiction is not null
                ? open.Where(e => e.RegionCode.StartsWith(jurisdiction) && e.Round.PublisherJurisdiction != jurisdiction)
                : open.Where(e => e.OrganisationId == organisation);
            ToAssess = await Waiting(open).ToListAsync();
        }
        if (EvaluationRules.IsReviewer(scope, User, out var reviewer, out var admin))
        {
            var waiting = db.PartyEvaluations.AsNoTracking().Where(e => e.Status == PartyEvaluationStatus.Submitted && e.Round.Status == EvaluationRoundStatus.Open);
            if (!admin)
            {
                waiting = waiting.Where(e => e.ReviewerJurisdiction == reviewer);
            }
            ToReview = await Waiting(waiting).ToListAsync();
        }
    }

    private static IQueryable<WaitingRow> Waiting(IQueryable<PartyEvaluation> evaluations) =>
        evaluations.OrderBy(e => e.Round.DueOn).ThenBy(e => e.OrganisationName).Take(Listed)
            .Select(e => new WaitingRow(e.Id, e.Round.Title, e.Agreement.Title, e.OrganisationName, e.Status, e.Round.DueOn));
}
