using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Domain.History;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>The portal's database. Every query of a scoped record is filtered by the current user's access scope
/// (<see cref="AccessFilter"/>) and every save is checked by <see cref="AccessGuard"/>: pages never filter by hand.
/// Names are snake_case; configurations live in <c>Data/Configurations</c>.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, CurrentAccess access, TimeProvider? clock = null,
    Microsoft.Extensions.Options.IOptions<Platform.SmtpOptions>? smtp = null)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the query filter every scoped record carries.</summary>
    public const string AccessFilter = "Access";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<EducationBureau> Bureaus => Set<EducationBureau>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Alliance> Alliances => Set<Alliance>();
    public DbSet<CooperationActivity> Activities => Set<CooperationActivity>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<YearlyPlan> Plans => Set<YearlyPlan>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<Domain.Imports.ImportBatch> ImportBatches => Set<Domain.Imports.ImportBatch>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<RegistrationRequest> RegistrationRequests => Set<RegistrationRequest>();
    public DbSet<Domain.Inbox.Notification> Notifications => Set<Domain.Inbox.Notification>();
    public DbSet<Domain.Inbox.OutboxMail> OutboxMails => Set<Domain.Inbox.OutboxMail>();
    public DbSet<Domain.Programmes.Programme> Programmes => Set<Domain.Programmes.Programme>();
    public DbSet<Domain.Programmes.KeyIndustry> KeyIndustries => Set<Domain.Programmes.KeyIndustry>();
    public DbSet<Domain.Evaluations.EvaluationRound> EvaluationRounds => Set<Domain.Evaluations.EvaluationRound>();
    public DbSet<Domain.Evaluations.PartyEvaluation> PartyEvaluations => Set<Domain.Evaluations.PartyEvaluation>();

    public AccessScope Access => access.Scope;

    // Read by the query filters on every query (EF parameterizes members of the context instance).
    private bool AccessSeesEverything => access.Scope.SeesEverything;

    // The user's key as a one-element list: "keys && ARRAY[key]" is what a GIN index on the keys can answer
    // ("key = ANY(keys)" would read every row).
    private List<string> AccessKeyList => [access.Scope.Key];

    /// <summary>The shadow property holding an activity's copy of its owners' access keys.</summary>
    public const string ActivityAccessKeys = "AccessKeys";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && typeof(IAccessControlled).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(AccessFilter, AccessControlledFilter(entityType.ClrType));
        }

        // Parts are visible exactly when their owner is.
        builder.Entity<AgreementParty>().HasQueryFilter(AccessFilter,
            p => AccessSeesEverything || p.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k)));
        builder.Entity<AgreementConfirmation>().HasQueryFilter(AccessFilter,
            c => AccessSeesEverything || c.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k)));
        builder.Entity<YearlyPlan>().HasQueryFilter(AccessFilter,
            p => AccessSeesEverything
                 || (p.Agreement != null && p.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k)))
                 || (p.Alliance != null && p.Alliance.AccessKeys.Any(k => AccessKeyList.Contains(k)))
                 || (p.Bureau != null && p.Bureau.AccessKeys.Any(k => AccessKeyList.Contains(k))));
        builder.Entity<Document>().HasQueryFilter(AccessFilter,
            d => AccessSeesEverything
                 || (d.Agreement != null && d.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k)))
                 || (d.Activity != null && EF.Property<List<string>>(d.Activity, ActivityAccessKeys).Any(k => AccessKeyList.Contains(k)))
                 || (d.PartyEvaluation != null && d.PartyEvaluation.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k))));
        builder.Entity<Domain.Evaluations.PartyEvaluation>().HasQueryFilter(AccessFilter,
            e => AccessSeesEverything || e.Agreement.AccessKeys.Any(k => AccessKeyList.Contains(k)));
        builder.Entity<AllianceMember>().HasQueryFilter(AccessFilter,
            m => AccessSeesEverything || m.Alliance.AccessKeys.Any(k => AccessKeyList.Contains(k)));
        builder.Entity<CooperationActivity>().HasQueryFilter(AccessFilter,
            a => AccessSeesEverything || EF.Property<List<string>>(a, ActivityAccessKeys).Any(k => AccessKeyList.Contains(k)));
    }

    /// <summary><c>e => AccessSeesEverything || e.AccessKeys.Any(k => AccessKeyList.Contains(k))</c> for a record type.</summary>
    private LambdaExpression AccessControlledFilter(Type type)
    {
        var record = Expression.Parameter(type, "e");
        var context = Expression.Constant(this);
        var keys = Expression.Property(record, type.GetProperty(nameof(IAccessControlled.AccessKeys))!);
        var key = Expression.Parameter(typeof(string), "k");
        var isUsersKey = Expression.Lambda<Func<string, bool>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Property(context, nameof(AccessKeyList)), key), key);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], keys, isUsersKey);
        return Expression.Lambda(Expression.OrElse(Expression.Property(context, nameof(AccessSeesEverything)), contains), record);
    }

    /// <summary>Only Data Protection's key ring saves synchronously: it announces nothing.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AccessGuard.Check(ChangeTracker, access.Scope);
        WriteHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Every save: refuse what is outside the user's scope, announce what happened to whom it concerns, then
    /// write the history of what changed — all in the save's one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AccessGuard.Check(ChangeTracker, access.Scope);
        await NotificationWriter.AnnounceAsync(this, access.Actor.Id, Now, smtp?.Value.IsConfigured == true, cancellationToken);
        WriteHistory();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            // Nothing was saved: what this attempt announced goes too, so a second attempt does not announce it twice.
            foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Added
                         && e.Entity is Domain.Inbox.Notification or Domain.Inbox.OutboxMail or Domain.History.HistoryEntry).ToList())
            {
                entry.State = EntityState.Detached;
            }
            throw;
        }
    }

    private DateTimeOffset Now => (clock ?? TimeProvider.System).GetUtcNow();

    private void WriteHistory()
    {
        var (userId, userName) = access.Actor;
        History.AddRange(HistoryWriter.Collect(ChangeTracker, userId, userName, Now));
    }
}
