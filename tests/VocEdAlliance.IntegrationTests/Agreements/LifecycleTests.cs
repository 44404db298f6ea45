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
