using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Evaluations;

/// <summary>The rounds a user may open: every open or published round (a rubric is public once published), and the
/// drafts of the rounds the user governs (<see cref="EvaluationRules.Governs"/>) — nobody else's draft.</summary>
internal static class EvaluationAccess
{
    public static IQueryable<EvaluationRound> VisibleRounds(AppDbContext db)
    {
        var scope = db.Access;
        var rounds = db.EvaluationRounds.AsQueryable();
        if (scope.SeesEverything && scope.MayWrite)
        {
            return rounds;
        }
        var ministry = scope.IsMinistry;
        var own = scope.MayWrite && scope.Key.StartsWith("r:", StringComparison.Ordinal) ? scope.Key[2..] : "-";
        return rounds.Where(r => r.Status != EvaluationRoundStatus.Draft
                                 || (ministry && r.PublisherJurisdiction == null) || r.PublisherJurisdiction == own);
    }

    /// <summary>The publisher's name: the ministry (national) or the bureau of the jurisdiction.</summary>
    public static async Task<string> PublisherNameAsync(AppDbContext db, EvaluationRound round, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        round.PublisherJurisdiction is { } jurisdiction
            ? await ResponsibleBureaus.NameOfAsync(db, jurisdiction) ?? jurisdiction
            : t["Evaluation.Ministry"].Value;
}
