using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.IntegrationTests.Data;

/// <summary>No entity is forgotten by the access model: each one is either filtered or named here as unscoped.</summary>
public class AccessFilterCoverageTests(PortalFixture portal)
{
    /// <summary>Entities everyone signed in may read, each with its reason. Adding one here is a security decision.</summary>
    private static readonly Dictionary<Type, string> Unscoped = new()
    {
        [typeof(Region)] = "public reference data (administrative divisions)",
        [typeof(ApplicationUser)] = "sign-in reads it before anyone is known; user administration scopes it explicitly",
        [typeof(IdentityRole<Guid>)] = "the five role names",
        [typeof(IdentityUserRole<Guid>)] = "Identity's own",
        [typeof(IdentityUserClaim<Guid>)] = "Identity's own",
        [typeof(IdentityUserLogin<Guid>)] = "Identity's own",
        [typeof(IdentityUserToken<Guid>)] = "Identity's own",
        [typeof(IdentityRoleClaim<Guid>)] = "Identity's own",
        [typeof(DataProtectionKey)] = "the cookie key ring, never shown",
        [typeof(VocEdAlliance.Web.Domain.Imports.ImportBatch)] = "an upload's record, read only by the user who uploaded it (their own batches); the rows it brings in are checked against the user's scope like a form",
        [typeof(FormSubmission)] = "read only by token and by the user who posted the form; holds a record address, never shown",
        [typeof(VocEdAlliance.Web.Domain.Inbox.Notification)] = "an inbox entry, read only by its recipient (Inbox.IndexModel.Of: the signed-in user's own); it names a record whose page the access filter still guards",
        [typeof(VocEdAlliance.Web.Domain.Inbox.OutboxMail)] = "read only by the mail worker (system scope), never shown",
        [typeof(VocEdAlliance.Web.Domain.Programmes.KeyIndustry)] = "public reference: the key industries a region's bureau names; every school links its programmes to those of its region, so every user reads them (writes are its bureaus', KeyIndustryAuthorizationHandler and AccessGuard)",
        [typeof(VocEdAlliance.Web.Domain.Evaluations.EvaluationRound)] = "public once published: a rubric (title, year, criteria) every party is judged by; a draft is listed only to whoever governs it (Evaluations.EvaluationAccess), and written only by its publisher (EvaluationRules.Governs in AccessGuard). The parties' evaluations are scoped as their agreement",
        [typeof(VocEdAlliance.Web.Domain.Access.PersonalAccessToken)] = "read by its secret's hash (the API's sign-in, before anyone is known), by its own user on their tokens page, and by an admin on the page of a user they administer (whose scope is checked there)",
    };

    [Fact]
    public async Task Every_entity_is_either_filtered_by_the_access_scope_or_deliberately_unscoped()
    {
        var model = await portal.WithDatabaseAsync(db => Task.FromResult(db.Model));
        // Owned types (history's field changes) live inside their owner's row and are filtered with it.
        var roots = model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList();

        foreach (var entity in roots)
        {
            var filtered = entity.FindDeclaredQueryFilter(AppDbContext.AccessFilter) is not null;
            if (Unscoped.ContainsKey(entity.ClrType))
            {
                Assert.False(filtered, $"{entity.ClrType.Name} is listed as unscoped but has an access filter");
            }
            else
            {
                Assert.True(filtered, $"{entity.ClrType.Name} has no access filter: add it to the access model or to the unscoped list with a reason");
                Assert.True(typeof(IAccessControlled).IsAssignableFrom(entity.ClrType) || typeof(IAccessControlledPart).IsAssignableFrom(entity.ClrType),
                    $"{entity.ClrType.Name} is filtered but is neither access-controlled nor a part of such a record");
            }
        }
        Assert.Contains(roots, t => t.FindDeclaredQueryFilter(AppDbContext.AccessFilter) is not null);
    }
}
