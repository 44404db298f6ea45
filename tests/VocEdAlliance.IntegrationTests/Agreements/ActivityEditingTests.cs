using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class ActivityEditingTests(PortalFixture portal)
{
    [Fact]
    public async Task Both_partner_principals_edit_the_activity_and_the_second_save_meets_the_first()
    {
        var (agreement, activity) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        var schools = await portal.WithDatabaseAsync(db => db.Institutions
            .Where(i => db.Agreements.Single(a => a.Id == agreement.Id).Parties.Select(p => p.OrganisationId).Contains(i.Id)).ToListAsync());
        using var one = await portal.SignedInPrincipalAsync(schools[0]);
        using var other = await portal.SignedInPrincipalAsync(schools[1]);
        var oneForm = await one.GetAsync($"/Activities/Edit/{activity.Id}");
        var otherForm = await other.GetAsync($"/Activities/Edit/{activity.Id}");

        var saved = await one.SubmitAsync(oneForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Participants"] = "35" });
        var conflict = await other.SubmitAsync(otherForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Participants"] = "40" });

        Assert.Equal("35", saved.Document.QuerySelector("[data-testid=participants]")?.TextContent);
        Assert.NotNull(conflict.Document.QuerySelector("[data-testid=concurrency-conflict]"));
        Assert.Equal("40", conflict.Document.QuerySelector("#Input_Participants")?.GetAttribute("value"));
        Assert.Equal(35, (await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Id == activity.Id))).Participants);
    }

    [Fact]
    public async Task A_principal_cannot_open_or_change_another_schools_activity()
    {
        var (_, activity) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var honghuagang = portal.NewSession();
        await honghuagang.SignInAsync("honghuagang.principal@demo.local", DemoAccounts.Password);
        var token = (await honghuagang.GetAsync("/Account/ChangePassword")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var view = await honghuagang.GetAsync($"/Activities/{activity.Id}");
        var post = await honghuagang.Http.PostAsync($"/Activities/Edit/{activity.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Visit", ["Input.Title"] = "改写", ["Input.StartsOn"] = "2024-03-01", ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, view.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(activity.Title, (await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Id == activity.Id))).Title);
    }

    [Fact]
    public async Task Bad_outcomes_are_explained_next_to_their_fields_and_archiving_removes_the_activity_from_lists()
    {
        var (_, activity) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = portal.NewSession();
        await zunyi.SignInAsync("zunyi.staff@demo.local", DemoAccounts.Password);
        var form = await zunyi.GetAsync($"/Activities/Edit/{activity.Id}");

        var bad = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Teachers"] = "-3",
            ["Input.EndsOn"] = "2024-02-01",
        });
        Assert.Contains("须在 0 至", bad.FieldError("Input.Teachers"), StringComparison.Ordinal);
        var backwards = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.EndsOn"] = "2024-02-01" });
        Assert.Equal("结束日期早于开始日期。", backwards.FieldError("Input.EndsOn"));
        Assert.Null((await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Id == activity.Id))).EndsOn);

        var confirm = await zunyi.GetAsync($"/Activities/Archive/{activity.Id}");
        await zunyi.SubmitAsync(confirm, PortalSession.MainForm);
        Assert.DoesNotContain(activity.Title, (await zunyi.GetAsync("/Activities")).Text, StringComparison.Ordinal);
        Assert.True((await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.Id == activity.Id))).IsArchived);
    }
}
