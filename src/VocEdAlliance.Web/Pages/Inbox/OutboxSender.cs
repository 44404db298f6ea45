using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Inbox;

/// <summary>Sends the outbox (<see cref="OutboxMail"/>) with MailKit when SMTP is configured: every few seconds, each
/// due mail in a transaction of its own that holds its row (<c>FOR UPDATE SKIP LOCKED</c>) until it is marked sent, so
/// two portal instances never send one mail both; a failure (server down, refused) leaves it for a later attempt with
/// backoff, and nothing is dropped. A crash between the server's "queued" and the commit is the one way a mail goes
/// twice; its Message-Id is the outbox id, so the copy is recognisable. Mail is written in Chinese, the portal's
/// default language.</summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>At most this many mails per run: the rest wait for the next one.</summary>
    public const int BatchSize = 50;

    /// <summary>Sends what is due; returns how many mails went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return 0;
        }
        using var client = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        try
        {
            for (var i = 0; i < BatchSize; i++)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = clock.GetUtcNow();
                var mail = await db.OutboxMails
                    .FromSql($"SELECT * FROM outbox_mails WHERE sent_at IS NULL AND next_attempt_at <= {now} ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .SingleOrDefaultAsync(cancellationToken);
                if (mail is null)
                {
                    break;
                }
                var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == mail.NotificationId, cancellationToken);
                try
                {
                    if (!client.IsConnected)
                    {
                        await ConnectAsync(client, smtp, cancellationToken);
                    }
                    await client.SendAsync(Message(smtp, mail, notification), cancellationToken);
                    mail.MarkSent(clock.GetUtcNow());
                    PortalMetrics.MailSent();
                    sent++;
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    mail.MarkFailed(failure.Message, clock.GetUtcNow());
                    PortalMetrics.MailFailed();
                    LogFailed(logger, mail.Id, mail.Attempts, mail.NextAttemptAt, failure);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    if (!client.IsConnected)
                    {
                        break; // the server is down or went away: the rest wait for the next run
                    }
                    continue; // this one was refused (an address the server does not take): the others go on
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        if (sent > 0)
        {
            LogSent(logger, sent);
        }
        return sent;
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var security = smtp.EnableSsl ? (smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
    }

    private MimeMessage Message(SmtpOptions smtp, OutboxMail mail, Notification notification)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = PortalLocalization.Chinese;
        try
        {
            var sentence = InboxText.Sentence(t, notification.Kind, notification.Subject, notification.Detail);
            var path = InboxText.PathOf(notification.Record, notification.RecordId);
            var link = string.IsNullOrWhiteSpace(smtp.PortalUrl) ? path : smtp.PortalUrl.TrimEnd('/') + path;
            var message = new MimeMessage { Subject = t["Mail.Subject", sentence].Value, MessageId = $"{mail.Id:N}@vocedalliance" };
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(MailboxAddress.Parse(mail.Recipient));
            message.Body = new TextPart("plain") { Text = t["Mail.Body", sentence, link].Value, ContentTransferEncoding = ContentEncoding.Base64 };
            return message;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.IsConfigured
            ? PeriodicWork.RunAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, RunOnceAsync, ex => LogRunFailed(logger, ex), stoppingToken)
            : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} e-mails from the outbox")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox mail {MailId} not sent (attempt {Attempts}); next attempt at {NextAttemptAt}")]
    private static partial void LogFailed(ILogger logger, Guid mailId, int attempts, DateTimeOffset nextAttemptAt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox run failed; trying again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
