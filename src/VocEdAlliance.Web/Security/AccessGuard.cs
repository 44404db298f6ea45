using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Security;

/// <summary>The last line of the access model, run by AppDbContext before every save: a record may be created,
/// changed or deleted only by a scope that could see it before and can see it after. Pages check first and show a
/// message or 404; this guard catches what a page forgot.</summary>
public static class AccessGuard
{
    public static void Check(ChangeTracker changes, AccessScope scope)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Domain.History.HistoryEntry when entry.State is not EntityState.Added:
                    throw new AccessDeniedException("History is append-only: it cannot be changed or deleted");
                case Domain.Evaluations.EvaluationRound round when !EvaluationRules.Governs(scope, round):
                    throw Denied(entry);
                case Domain.Evaluations.EvaluationRound:
                    break;
                case Domain.Evaluations.PartyEvaluation evaluation when scope.IsMinistry && scope.SeesEverything:
                    // The ministry opens and reviews its national rounds, and touches no other evaluation.
                    if (evaluation.Round?.IsNational != true)
                    {
                        throw Denied(entry);
                    }
                    break;
                case IAccessControlled record:
                    Demand(scope, record.AccessKeys, entry);
                    if (entry.State is EntityState.Modified && entry.OriginalValues[nameof(IAccessControlled.AccessKeys)] is List<string> before)
                    {
                        Demand(scope, before, entry);
                    }
                    break;
                case IAccessControlledPart part:
                    var owners = part.Owners.OfType<IAccessControlled>().ToList();
                    if (owners.Count == 0 && entry.State is EntityState.Deleted)
                    {
                        owners = [.. TrackedOwnersByOriginalKey(changes, entry)];
                    }
                    if (owners.Count == 0 || !owners.Any(owner => Allows(scope, owner.AccessKeys)))
                    {
                        throw Denied(entry);
                    }
                    break;
                case Region when !(scope.SeesEverything && scope.MayWrite):
                    throw Denied(entry);
                case Domain.Programmes.KeyIndustry industry when !(scope.MayWrite && KeyIndustryAuthorizationHandler.Governs(scope, industry)):
                    throw Denied(entry);
            }
        }
    }

    /// <summary>A part removed from its owner's collection has lost its navigation: its original foreign keys still
    /// say whose it was, and the owner is tracked (it was loaded to remove the part).</summary>
    private static IEnumerable<IAccessControlled> TrackedOwnersByOriginalKey(ChangeTracker changes, EntityEntry entry)
    {
        foreach (var foreignKey in entry.Metadata.GetForeignKeys()
                     .Where(fk => typeof(IAccessControlled).IsAssignableFrom(fk.PrincipalEntityType.ClrType)))
        {
            if (entry.OriginalValues[foreignKey.Properties[0]] is Guid ownerId
                && changes.Entries<IAccessControlled>().FirstOrDefault(e => e.Entity.Id == ownerId) is { } owner)
            {
                yield return owner.Entity;
            }
        }
    }

    private static void Demand(AccessScope scope, List<string> keys, EntityEntry entry)
    {
        if (!Allows(scope, keys))
        {
            throw Denied(entry);
        }
    }

    private static bool Allows(AccessScope scope, List<string> keys) =>
        scope.MayWrite && (scope.SeesEverything || keys.Contains(scope.Key));

    private static AccessDeniedException Denied(EntityEntry entry) =>
        new($"{entry.State} of {entry.Metadata.ClrType.Name} is outside the current user's access scope");
}
