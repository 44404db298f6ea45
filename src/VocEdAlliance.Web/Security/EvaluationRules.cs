using System.Security.Claims;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Evaluations;

namespace VocEdAlliance.Web.Security;

/// <summary>Who does what in an evaluation (docs/access-model.md, "Evaluation"): the ministry publishes national
/// rounds (its one kind of write), a bureau the rounds of its jurisdiction, the system admin either on their behalf;
/// a party — its own accounts, or a bureau whose jurisdiction holds it — assesses itself; the bureau above the side
/// that submitted reviews.</summary>
public static class EvaluationRules
{
    /// <summary>Whether the scope writes this round (its rubric, opening it, publishing its results).</summary>
    public static bool Governs(AccessScope scope, EvaluationRound round) =>
        (scope.SeesEverything && scope.MayWrite)
        || (scope.IsMinistry && round.IsNational)
        || (scope.MayWrite && round.PublisherJurisdiction is { } publisher && scope.Key == "r:" + publisher);

    /// <summary>Whose rounds the user may start: the ministry and the system admin national ones (null), a bureau those
    /// of its jurisdiction; false for anyone else.</summary>
    public static bool MayPublish(ClaimsPrincipal user, AccessScope scope, out string? jurisdiction)
    {
        jurisdiction = null;
        if (scope.IsMinistry || (scope.SeesEverything && scope.MayWrite))
        {
            return true;
        }
        if (scope.MayWrite && (user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)) && scope.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            jurisdiction = scope.Key[2..];
            return true;
        }
        return false;
    }

    /// <summary>The side that assesses for the party (the user's key) and the places above it, nearest first; null when
    /// the user speaks for no side of it: its own accounts, or a bureau whose jurisdiction holds it (an enterprise has
    /// no accounts of its own) — not the round's publisher.</summary>
    public static (string Key, IReadOnlyList<string> Above)? Assessor(AccessScope scope, PartyEvaluation evaluation)
    {
        if (!scope.MayWrite || scope.SeesEverything
            || (evaluation.Round.PublisherJurisdiction is { } publisher && scope.Key == "r:" + publisher))
        {
            return null; // the publisher reviews (or routes) in its own round; it never assesses for a party there
        }
        if (scope.Key == AccessKeys.ForOrganisation(evaluation.OrganisationId))
        {
            return (scope.Key, ResponsibleBureaus.Above(scope.Key, evaluation.RegionCode));
        }
        return scope.CoversRegion(evaluation.RegionCode) ? (scope.Key, ResponsibleBureaus.Above(scope.Key, null)) : null;
    }

    /// <summary>The reviewer a submission goes to: the nearest bureau above the submitting side with an active account,
    /// within the round's scope; else the round's publisher (null: the ministry).</summary>
    public static async Task<string?> ReviewerAsync(Data.AppDbContext db, EvaluationRound round, IReadOnlyList<string> above, DateTimeOffset now)
    {
        var inScope = above.Where(p => round.PublisherJurisdiction is not { } publisher || p.StartsWith(publisher, StringComparison.Ordinal)).ToList();
        return await ResponsibleBureaus.NearestWithAccountAsync(db, inScope, now) ?? round.PublisherJurisdiction;
    }

    /// <summary>The reviewer the user is: a bureau's prefix, null for the ministry; <paramref name="systemAdmin"/> for the
    /// system admin (who may review any); false when the user reviews nothing.</summary>
    public static bool IsReviewer(AccessScope scope, ClaimsPrincipal user, out string? jurisdiction, out bool systemAdmin)
    {
        jurisdiction = null;
        systemAdmin = scope.SeesEverything && scope.MayWrite;
        if (systemAdmin || scope.IsMinistry)
        {
            return true;
        }
        if (scope.MayWrite && (user.IsInRole(Roles.BureauAdmin) || user.IsInRole(Roles.BureauStaff)) && scope.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            jurisdiction = scope.Key[2..];
            return true;
        }
        return false;
    }
}
