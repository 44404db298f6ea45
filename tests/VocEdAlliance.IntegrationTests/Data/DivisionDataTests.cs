using VocEdAlliance.Web.Data.Seed.Divisions;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.IntegrationTests.Data;

public class DivisionDataTests(PortalFixture portal)
{
    [Fact]
    public async Task Every_province_prefecture_and_county_of_the_source_is_loaded_with_its_macro_zone()
    {
        var counts = await portal.WithDatabaseAsync(db => db.Regions.GroupBy(r => r.Level)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var zones = await portal.WithDatabaseAsync(db => db.Regions.Where(r => r.Level == RegionLevel.Province)
            .ToDictionaryAsync(r => r.Name, r => r.MacroZone));

        // china-division 2.7.0: 31 provinces, 342 prefecture-level rows, 2,978 county-level rows less the 3
        // prefecture-level cities it lists again as their own county.
        Assert.Equal(31, counts[RegionLevel.Province]);
        Assert.Equal(342, counts[RegionLevel.Prefecture]);
        Assert.Equal(2975, counts[RegionLevel.County]);
        Assert.Equal(10, zones.Count(z => z.Value == MacroZone.East));
        Assert.Equal(6, zones.Count(z => z.Value == MacroZone.Central));
        Assert.Equal(12, zones.Count(z => z.Value == MacroZone.West));
        Assert.Equal(3, zones.Count(z => z.Value == MacroZone.Northeast));
        Assert.Equal(MacroZone.West, zones["贵州省"]);
        Assert.Equal(MacroZone.Central, zones["湖南省"]);
    }

    [Fact]
    public async Task Liuyang_sits_under_Changsha_under_Hunan_and_development_zones_are_flagged()
    {
        var liuyang = await portal.WithDatabaseAsync(db => db.Regions.SingleAsync(r => r.Code == "430181"));
        var zone = await portal.WithDatabaseAsync(db => db.Regions.SingleAsync(r => r.Code == "130171"));
        var flagged = await portal.WithDatabaseAsync(db => db.Regions.CountAsync(r => r.IsDevelopmentZone));

        Assert.Equal(("浏阳市", RegionLevel.County, "430100"), (liuyang.Name, liuyang.Level, liuyang.ParentCode));
        Assert.False(liuyang.IsDevelopmentZone);
        Assert.True(zone.IsDevelopmentZone);
        Assert.Equal(124, flagged);
    }

    [Fact]
    public async Task Loading_the_divisions_again_changes_nothing()
    {
        var again = await portal.WithDatabaseAsync(db => DivisionLoader.LoadAsync(db));

        Assert.Equal((0, 0, 0), again);
    }
}
