using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>Expires active agreements whose end date has passed: at start and then every few hours, as the system
/// (the history says so).</summary>
public sealed partial class AgreementExpiry(IServiceScopeFactory scopes, TimeProvider clock, ReminderMail mail,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> t, ILogger<AgreementExpiry> logger) : BackgroundService
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
        if (mail.IsConfigured)
        {
            await RemindAsync(db, today, cancellationToken);
        }
        return expired;
    }

    /// <summary>E-mails the bureau accounts whose jurisdiction covers an agreement ending within 90 days, once per
    /// agreement. Reminders are written in Chinese, the portal's default language.</summary>
    private async Task RemindAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var window = Pages.IndexModel.ExpiryWindowDays;
        var horizon = today.AddDays(window);
        var ending = (await db.Agreements
                .Where(a => a.Status == AgreementStatus.Active && !a.IsArchived && a.ExpiryReminderSentOn == null
                            && a.EffectiveTo != null && a.EffectiveTo >= today && a.EffectiveTo <= horizon)
                .ToListAsync(cancellationToken))
            .Where(a => a.NeedsExpiryReminder(today, window)).ToList();
        if (ending.Count == 0)
        {
            return;
        }
        var bureauRoles = await db.Roles.Where(r => r.Name == Roles.BureauAdmin || r.Name == Roles.BureauStaff).Select(r => r.Id).ToListAsync(cancellationToken);
        var bureauUsers = await db.Users
            .Where(u => u.Email != null && u.OrganisationId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && bureauRoles.Contains(ur.RoleId)))
            .Join(db.Bureaus, u => u.OrganisationId, b => b.Id, (u, b) => new { u.Email, b.RegionCode })
            .ToListAsync(cancellationToken);
        // Claim first, send after: two instances never both send, at the price of a reminder lost if sending fails.
        foreach (var agreement in ending)
        {
            agreement.MarkExpiryReminderSent(today);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;
        }
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Platform.PortalLocalization.Chinese;
        try
        {
            foreach (var agreement in ending)
            {
                var recipients = bureauUsers.Where(u => agreement.AccessKeys.Contains(Domain.Access.AccessKeys.ForJurisdiction(u.RegionCode)))
                    .Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (recipients.Count > 0)
                {
                    var end = Platform.LocalizerExtensions.Date(agreement.EffectiveTo);
                    await mail.SendAsync(recipients, t["Reminder.Subject", agreement.Title, end], t["Reminder.Body", agreement.Title, end], cancellationToken);
                }
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
        LogReminded(logger, ending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded bureaus by e-mail of {Count} agreements ending soon")]
    private static partial void LogReminded(ILogger logger, int count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} agreements expired at their end date")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring agreements failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
