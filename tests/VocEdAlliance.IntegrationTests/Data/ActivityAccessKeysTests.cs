using System.Net;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Data;

/// <summary>An activity is visible exactly where its agreement is: when the agreement's parties change, the activity
/// follows at once (the database keeps the activity's copy of the access keys in the same transaction).</summary>
public class ActivityAccessKeysTests(PortalFixture portal)
{
    [Fact]
    public async Task When_a_party_is_replaced_the_activity_leaves_the_old_bureau_and_reaches_the_new_one()
    {
        var (agreement, activity) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        var liuyang = await portal.CreateInstitutionAsync("430181", "浏阳测试学校");
        var editor = await portal.CreateUserAsync(Roles.SystemAdmin);
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await shanghai.GetAsync($"/Activities/{activity.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hunan.GetAsync($"/Activities/{activity.Id}")).Status);
        Assert.DoesNotContain(activity.Title, (await hunan.GetAsync("/Activities")).Text, StringComparison.Ordinal);

        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleAsync(a => a.Id == agreement.Id);
            var zunyiSide = stored.Parties.Single(p => p.RegionCode == "520302");
            PartyTerms Terms(AgreementParty p) => new(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode, null, null, null);
            stored.ChangeTerms(new AgreementTerms(stored.Kind, stored.Title, null, null,
                [Terms(zunyiSide), new PartyTerms(liuyang.Id, liuyang.Name, liuyang.Type, liuyang.Kind, liuyang.RegionCode, null, null, null)],
                stored.EffectiveFrom, null, stored.Modes, null, null), null, editor.Id, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await shanghai.GetAsync($"/Activities/{activity.Id}")).Status);
        Assert.DoesNotContain(activity.Title, (await shanghai.GetAsync("/Activities")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await hunan.GetAsync($"/Activities/{activity.Id}")).Status);
        Assert.Contains(activity.Title, (await hunan.GetAsync($"/Activities?q={Uri.EscapeDataString(activity.Title)}")).Text, StringComparison.Ordinal);
    }
}

/// <summary>The ministry's national totals are kept by the database as records change: they always equal a fresh count.</summary>
public class NationalTotalsTests(PortalFixture portal)
{
    private sealed record Check(bool Matches);

    [Fact]
    public async Task The_totals_follow_new_and_archived_records_exactly()
    {
        await portal.CreatePairingWithActivityAsync("520302", "310116");
        var (_, archived) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        await portal.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE activities SET is_archived = true WHERE id = {archived.Id}"));

        // One snapshot: the kept totals against counts taken now (other tests write at the same time).
        var matches = await portal.WithDatabaseAsync(db => db.Database.SqlQuery<Check>($"""
            SELECT t.institutions = (SELECT count(*) FROM organisations WHERE type = 'Institution')
               AND t.agreements = (SELECT count(*) FROM agreements WHERE NOT is_archived)
               AND t.activities = (SELECT count(*) FROM activities WHERE NOT is_archived) AS matches
            FROM portal_totals t
            """).SingleAsync());
        Assert.True(matches.Matches);

        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        var totals = (await ministry.GetAsync("/")).Document.QuerySelector("[data-testid=totals]")!.TextContent;
        Assert.Matches(@"\d", totals);
    }
}
