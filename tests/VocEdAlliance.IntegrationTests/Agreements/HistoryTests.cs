using Npgsql;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.History;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class HistoryTests(PortalFixture portal)
{
    [Fact]
    public async Task Recording_confirming_and_changing_an_agreement_leave_a_history_with_who_when_and_what_changed()
    {
        var title = $"历史测试协议 {Guid.NewGuid():N}"[..15];
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        await zunyi.SubmitAsync(await zunyi.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = title, ["Input.EffectiveFrom"] = "2025-01-01",
            ["Input.Parties[0].Organisation"] = DemoOrganisations.Honghuagang, ["Input.Parties[1].Organisation"] = DemoOrganisations.Spa,
            ["Input.Modes"] = nameof(CooperationMode.TeacherTraining),
        });
        var id = (await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Title == title))).Id;
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        await shanghai.SubmitAsync(await shanghai.GetAsync($"/Agreements/{id}"), "[data-testid=confirm-form]");
        await zunyi.SubmitAsync(await zunyi.GetAsync($"/Agreements/Edit/{id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Modes"] = nameof(CooperationMode.StudentExchange) });

        var history = await shanghai.GetAsync($"/History/agreement/{id}");

        // Recording confirms Zunyi's side; Shanghai's confirmation activates it; the edit changes it and re-confirms Zunyi's side.
        var actions = history.Document.QuerySelectorAll("[data-testid=history-action]").Select(e => e.TextContent).ToList();
        Assert.Equal((1, 3, 2), (actions.Count(a => a == "创建"), actions.Count(a => a == "确认"), actions.Count(a => a == "修改")));
        var latest = history.Document.QuerySelectorAll("[data-testid=history] li").First(li => li.TextContent.Contains("合作方式", StringComparison.Ordinal)).TextContent;
        Assert.Contains("演示·遵义市教育局工作人员", latest, StringComparison.Ordinal);
        Assert.Contains("合作方式：师资培训 → 学生交流", latest, StringComparison.Ordinal);
        Assert.Contains("状态：生效中 → 待对方确认", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("TeacherTraining", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_is_404_for_whoever_cannot_see_the_record()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await liuyang.GetAsync($"/History/agreement/{agreement.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await zunyi.GetAsync($"/History/agreement/{agreement.Id}")).Status);
    }

    [Fact]
    public async Task Nobody_can_change_or_delete_history_not_even_directly_in_the_database()
    {
        await portal.CreatePairingWithActivityAsync("520302", "520303");
        var entry = await portal.WithDatabaseAsync(db => db.History.FirstAsync(h => h.Action == HistoryAction.Created));

        await Assert.ThrowsAsync<AccessDeniedException>(() => portal.WithDatabaseAsync(async db =>
        {
            db.History.Remove(await db.History.SingleAsync(h => h.Id == entry.Id));
            return await db.SaveChangesAsync();
        }));
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var update = new NpgsqlCommand("UPDATE history SET user_name = 'x' WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", entry.Id);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }
}
