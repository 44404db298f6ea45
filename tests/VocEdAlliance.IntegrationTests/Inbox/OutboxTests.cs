using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Inbox;

namespace VocEdAlliance.IntegrationTests.Inbox;

/// <summary>With SMTP configured, each notification also goes by e-mail through the outbox: written with the event,
/// sent by the worker, kept and retried while the server is down, and sent once even with two portal instances.</summary>
public class OutboxTests(PortalFixture portal)
{
    private PortalFactory Mailing(int port) => new(portal.ConnectionString, settings: new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:PortalUrl"] = "https://voced.example.gov.cn/",
        ["Smtp:PollSeconds"] = "3600", // the test runs the worker itself
    });

    private static Task<T> WithDatabaseAsync<T>(PortalFactory factory, Func<AppDbContext, Task<T>> work) =>
        WithDatabaseAsync(factory.Services, work);

    private static async Task<T> WithDatabaseAsync<T>(IServiceProvider services, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task An_agreement_ending_soon_is_mailed_once_to_each_account_of_its_sides_with_a_link_in_Chinese()
    {
        // Ends outside the 90 days, so no other instance's expiry job announces it first (whichever instance announces
        // writes the inbox; only one with SMTP writes mail): this instance marks it the way its job does.
        // In Inner Mongolia (15), where only this test makes accounts: the Hohhot bureau answers for both schools.
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("150102", "150103");
        var hohhot = await portal.CreateBureauAsync("150100", "呼和浩特测试教育局");
        var staff = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: hohhot.Id);
        var admin = await portal.CreateUserAsync(Roles.BureauAdmin, organisationId: hohhot.Id);
        await portal.SetEndDateAsync(agreement.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120));
        await using var smtp = new FakeSmtpServer();
        await using var mailing = Mailing(smtp.Port);
        await WithDatabaseAsync(mailing, async db =>
        {
            (await db.Agreements.SingleAsync(a => a.Id == agreement.Id)).MarkExpiryReminderSent(DateOnly.FromDateTime(DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await mailing.Services.GetRequiredService<OutboxSender>().RunOnceAsync(TestContext.Current.CancellationToken);
        await mailing.Services.GetRequiredService<OutboxSender>().RunOnceAsync(TestContext.Current.CancellationToken);

        // One mail to each of the Hohhot bureau's accounts, none elsewhere.
        var reminders = smtp.Messages.Where(m => FakeSmtpServer.Body(m.Data).Contains(agreement.Title, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { staff.Email!, admin.Email! }.Order(StringComparer.Ordinal), reminders.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        var body = FakeSmtpServer.Body(reminders[0].Data);
        Assert.Contains("到期", body, StringComparison.Ordinal);
        Assert.Contains($"https://voced.example.gov.cn/Agreements/{agreement.Id}", body, StringComparison.Ordinal);
        Assert.True(await portal.WithDatabaseAsync(db => db.OutboxMails.Where(m => m.Notification!.RecordId == agreement.Id).AllAsync(m => m.SentAt != null)));
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_mail_waits_and_is_sent_once_when_it_is_back()
    {
        var port = FakeSmtpServer.UnusedPort();
        await using var mailing = Mailing(port);
        // A request in Shanxi (14), where no bureau has an account: it goes to the system admins.
        var requestId = await WithDatabaseAsync(mailing, async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.local");
            var request = new RegistrationRequest($"山西待登记校 {Guid.NewGuid():N}"[..15], InstitutionKind.SecondaryVocationalSchool, "140105", null, null,
                admin.Id, admin.DisplayName, null, null, DateTimeOffset.UtcNow);
            db.RegistrationRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var sender = mailing.Services.GetRequiredService<OutboxSender>();
        Task<List<OutboxMail>> MailsAsync() => portal.WithDatabaseAsync(db => db.OutboxMails.Where(m => m.Notification!.RecordId == requestId).ToListAsync());
        Assert.NotEmpty(await MailsAsync());
        // The outbox is the shared database's: a mail another instance queued at the same moment (its expiry job's
        // reminder, at its start) could be the one tried first. These are made the longest due, so they go first.
        await portal.WithDatabaseAsync(db => db.OutboxMails.Where(m => m.Notification!.RecordId == requestId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddDays(-1)), TestContext.Current.CancellationToken));

        await sender.RunOnceAsync(TestContext.Current.CancellationToken);
        // Nothing went; the mail tried first waits for its retry, the rest for the next run (the server is down).
        var waiting = await MailsAsync();
        Assert.All(waiting, m => Assert.Null(m.SentAt));
        var tried = Assert.Single(waiting, m => m.Attempts > 0);
        Assert.True(tried.LastError is not null && tried.NextAttemptAt > DateTimeOffset.UtcNow);

        // The server is back; the retry is due (the test moves the clock of the rows, not the portal's).
        await using var smtp = new FakeSmtpServer(port);
        var ids = waiting.Select(m => m.Id).ToList();
        await portal.WithDatabaseAsync(db => db.OutboxMails.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)), TestContext.Current.CancellationToken));
        await sender.RunOnceAsync(TestContext.Current.CancellationToken);
        await sender.RunOnceAsync(TestContext.Current.CancellationToken);

        var received = smtp.Messages.Select(m => FakeSmtpServer.MessageId(m.Data)).ToList();
        Assert.All(ids, id => Assert.Single(received, r => r == $"<{id:N}@vocedalliance>"));
        Assert.All(await MailsAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Two_portal_instances_send_each_mail_once()
    {
        await using var smtp = new FakeSmtpServer();
        await using var first = Mailing(smtp.Port);
        await using var second = Mailing(smtp.Port);
        var ids = await WithDatabaseAsync(first, async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.local");
            var now = DateTimeOffset.UtcNow;
            var mails = Enumerable.Range(0, 2 * OutboxSender.BatchSize + 20).Select(i =>
            {
                var notification = new Notification(admin.Id, NotificationKind.PlanSubmitted, NotificationRecord.Plan, Guid.NewGuid(), $"并发测试 {i}", null, now);
                db.Notifications.Add(notification);
                return db.OutboxMails.Add(new OutboxMail(notification, "admin@demo.local", now)).Entity;
            }).ToList();
            await db.SaveChangesAsync();
            return mails.Select(m => m.Id).ToList();
        });

        var senders = new[] { first, second }.Select(f => f.Services.GetRequiredService<OutboxSender>()).ToList();
        for (var round = 0; round < 10 && await portal.WithDatabaseAsync(db => db.OutboxMails.AnyAsync(m => ids.Contains(m.Id) && m.SentAt == null)); round++)
        {
            await Task.WhenAll(senders.SelectMany(s => new[] { s.RunOnceAsync(TestContext.Current.CancellationToken), s.RunOnceAsync(TestContext.Current.CancellationToken) }));
        }

        var received = smtp.Messages.Select(m => FakeSmtpServer.MessageId(m.Data)).ToList();
        Assert.All(ids, id => Assert.Single(received, r => r == $"<{id:N}@vocedalliance>"));
    }
}
