using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Home;

/// <summary>The demo data on a database of its own: the home page's counts are compared with counts taken directly.</summary>
public sealed class HomeDataset() : DedicatedPortal(seedDemo: true);

/// <summary>A bureau's home page counts its jurisdiction's agreements confirmed by every side (read from the summary
/// rollups of its key): the same number as counting them, and it follows the records as they change.</summary>
public sealed class BureauHomeTests(HomeDataset data) : IClassFixture<HomeDataset>
{
    private Task<int> ActiveInZunyiAsync() => data.WithDatabaseAsync(async db =>
    {
        await using var scope = data.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Use(new AccessScope(SeesEverything: false, MayWrite: false, Key: "r:5203"));
        var zunyi = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await zunyi.Agreements.CountAsync(a => !a.IsArchived && a.Status == AgreementStatus.Active);
    });

    [Fact]
    public async Task Confirmed_agreements_are_counted_for_the_jurisdiction_and_follow_a_change_at_once()
    {
        using var zunyi = await data.SignedInAsync("zunyi.staff@demo.local");

        var before = await zunyi.GetAsync("/");
        var expected = await ActiveInZunyiAsync();
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), before.Document.QuerySelector("[data-testid=confirmed-by-all] .badge")!.TextContent.Trim());
        Assert.True(expected > 0);

        // One of Zunyi's active agreements is archived: it leaves the count on the next view.
        await data.WithDatabaseAsync(async db =>
        {
            var one = await db.Agreements.Where(a => !a.IsArchived && a.Status == AgreementStatus.Active && a.AccessKeys.Contains("r:5203"))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            return await db.Database.ExecuteSqlAsync($"UPDATE agreements SET is_archived = true WHERE id = {one}");
        });
        var after = await zunyi.GetAsync("/");
        Assert.Equal((expected - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            after.Document.QuerySelector("[data-testid=confirmed-by-all] .badge")!.TextContent.Trim());
        Assert.Equal(expected - 1, await ActiveInZunyiAsync());
    }
}
