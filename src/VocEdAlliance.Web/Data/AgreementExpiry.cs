using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>Expires active agreements whose end date has passed, and announces those ending within 90 days: at start
/// and then every few hours, as the system (the history says so).</summary>
public sealed partial class AgreementExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgreementExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <returns>How many agreements expired.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var ended = await db.Agreements
            .Where(a => a.Status == AgreementStatus.Active && a.EffectiveTo != null && a.EffectiveTo < today)
            .ToListAsync(cancellationToken);
        var expired = ended.Count(a => a.ExpireIfEnded(today));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or an edit) got there first: the next run picks up whatever is left.
            return 0;
        }
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
        await RemindAsync(db, today, cancellationToken);
        await RemindOfEvaluationsAsync(db, today, cancellationToken);
        return expired;
    }

    /// <summary>Marks the agreements ending within 90 days as reminded, once per agreement: the save announces each to
    /// its parties' accounts (<see cref="NotificationWriter"/>: inbox, and e-mail through the outbox when configured).
    /// Two instances never both announce: the second one's save meets a changed row version.</summary>
    private async Task RemindAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var window = Pages.IndexModel.ExpiryWindowDays;
        var horizon = today.AddDays(window);
        var ending = (await db.Agreements
                .Where(a => a.Status == AgreementStatus.Active && !a.IsArchived && a.ExpiryReminderSentOn == null
                            && a.EffectiveTo != null && a.EffectiveTo >= today && a.EffectiveTo <= horizon)
                .ToListAsync(cancellationToken))
            .Where(a => a.NeedsExpiryReminder(today, window)).ToList();
        if (await MarkRemindedAsync(db, ending, a => a.MarkExpiryReminderSent(today), cancellationToken))
        {
            LogReminded(logger, ending.Count);
        }
    }

    /// <summary>Marks each record as reminded and saves (the save announces them); false when there was none, or when
    /// another instance got there first (its save announced them).</summary>
    private static async Task<bool> MarkRemindedAsync<T>(AppDbContext db, List<T> records, Action<T> mark, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return false;
        }
        records.ForEach(mark);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Marks the self-assessments due within a week and not yet submitted as reminded, once each: the save
    /// announces each to its party's accounts and its bureau (same outbox, same once-only rule as above).</summary>
    private async Task RemindOfEvaluationsAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(7);
        var due = (await db.PartyEvaluations.Include(e => e.Round).Include(e => e.Agreement)
                .Where(e => e.Status == Domain.Evaluations.PartyEvaluationStatus.Open && e.ReminderSentOn == null
                            && e.Round.Status == Domain.Evaluations.EvaluationRoundStatus.Open && e.Round.DueOn >= today && e.Round.DueOn <= horizon)
                .ToListAsync(cancellationToken))
            .Where(e => e.NeedsReminder(today)).ToList();
        if (await MarkRemindedAsync(db, due, e => e.MarkReminded(today), cancellationToken))
        {
            LogEvaluationsReminded(logger, due.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded {Count} parties of self-assessments due within a week")]
    private static partial void LogEvaluationsReminded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced {Count} agreements ending soon")]
    private static partial void LogReminded(ILogger logger, int count);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(Interval, clock, RunOnceAsync, ex => LogFailed(logger, ex), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} agreements expired at their end date")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring agreements failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
