using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.History;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class LifecycleTests(PortalFixture portal)
{
    [Fact]
    public async Task A_bureau_terminates_with_a_reason_and_a_missing_reason_is_explained_first()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");

        var form = await zunyi.GetAsync($"/Agreements/Terminate/{agreement.Id}");
        var missing = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Reason"] = "", ["Input.EffectiveOn"] = "2026-06-30" });
        var done = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Reason"] = "合作学校合并", ["Input.EffectiveOn"] = "2026-06-30" });

        Assert.Equal("请填写终止原因。", missing.FieldError("Input.Reason"));
        Assert.Equal("已终止", done.Document.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Equal("2026-06-30", done.Document.QuerySelector("[data-testid=terminated-on]")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Agreements/Terminate/{agreement.Id}")).Status);
    }

    [Fact]
    public async Task Agreements_past_their_end_date_expire_by_themselves_and_the_history_says_the_system_did_it()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        await portal.SetEndDateAsync(agreement.Id, new DateOnly(2025, 12, 31));

        var expired = await portal.Factory.Services.GetRequiredService<AgreementExpiry>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(expired >= 1);
        Assert.Equal(AgreementStatus.Expired, (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id))).Status);
        var last = await portal.WithDatabaseAsync(db => db.History.Where(h => h.RecordId == agreement.Id).OrderByDescending(h => h.At).FirstAsync());
        Assert.Equal((HistoryAction.Updated, (Guid?)null), (last.Action, last.UserId));
        Assert.Contains(last.Changes, c => c.Field == "Status" && c.After == "AgreementStatus.Expired");
    }

    [Fact]
    public async Task Renewing_creates_a_linked_agreement_waiting_for_the_other_side()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        var form = await zunyi.GetAsync($"/Agreements/Renew/{agreement.Id}");
        var renewal = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.EffectiveFrom"] = "2027-01-01", ["Input.EffectiveTo"] = "2029-12-31" });

        Assert.Equal("待对方确认", renewal.Document.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Contains(agreement.Title, renewal.Text, StringComparison.Ordinal);
        var original = await zunyi.GetAsync($"/Agreements/{agreement.Id}");
        Assert.Equal(renewal.Url.AbsolutePath, original.Document.QuerySelector("[data-testid=renewed-by]")?.GetAttribute("href"));
    }
}

public class ReminderTests(PortalFixture portal)
{
    [Fact]
    public async Task Bureau_staff_are_reminded_of_agreements_ending_within_ninety_days()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await portal.SetEndDateAsync(agreement.Id, soon);
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");

        var reminders = await zunyi.GetAsync("/Notifications");

        Assert.Contains(agreement.Title, reminders.Document.QuerySelector("#n-expiring")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(agreement.Title, (await liuyang.GetAsync("/Notifications")).Text, StringComparison.Ordinal);
    }
}

public class ReminderMailTests(PortalFixture portal)
{
    [Fact]
    public async Task With_SMTP_configured_the_jurisdictions_bureau_accounts_get_one_reminder_of_an_agreement_ending_soon()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
        await portal.SetEndDateAsync(agreement.Id, soon);
        await using var smtp = new FakeSmtpServer();
        await using var mailing = new PortalFactory(portal.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var expiry = mailing.Services.GetRequiredService<VocEdAlliance.Web.Data.AgreementExpiry>();

        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);
        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);
        // The portal's own background run may have claimed the reminder first: give its mail a moment to arrive.
        for (var waited = 0; waited < 100 && !smtp.Messages.Any(m => FakeSmtpServer.Body(m.Data).Contains(agreement.Title, StringComparison.Ordinal)); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        // Run twice: one reminder only, to the Zunyi bureau's accounts, in Chinese.
        var reminder = Assert.Single(smtp.Messages, m => FakeSmtpServer.Body(m.Data).Contains(agreement.Title, StringComparison.Ordinal));
        Assert.Contains("zunyi.staff@demo.local", reminder.Recipients);
        Assert.Contains("zunyi.admin@demo.local", reminder.Recipients);
        Assert.DoesNotContain("liuyang.staff@demo.local", reminder.Recipients);
        Assert.Contains("到期", FakeSmtpServer.Body(reminder.Data), StringComparison.Ordinal);
        Assert.NotNull((await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id))).ExpiryReminderSentOn);
    }
}
