using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.UnitTests.Domain;

public class RegionCodeTests
{
    [Theory]
    [InlineData("430000", "43")]
    [InlineData("430100", "4301")]
    [InlineData("430181", "430181")]
    public void A_jurisdiction_covers_its_region_and_everything_below(string code, string prefix) =>
        Assert.Equal(prefix, RegionCode.JurisdictionPrefix(code));

    [Fact]
    public void A_county_falls_under_its_prefecture_and_province() =>
        Assert.Equal(["43", "4301", "430181"], RegionCode.Prefixes("430181"));

    [Theory]
    [InlineData("43018")]
    [InlineData("43018a")]
    [InlineData("000000")]
    public void Malformed_codes_are_refused(string code) =>
        Assert.Equal("Region.Unknown", Assert.Throws<DomainException>(() => RegionCode.Validate(code)).MessageKey);

    [Fact]
    public void A_school_in_Liuyang_is_visible_to_the_Liuyang_Changsha_and_Hunan_bureaus_and_to_itself()
    {
        var school = Guid.NewGuid();

        var keys = AccessKeys.For(school, "430181").ToList();

        Assert.Equal(["r:43", "r:4301", "r:430181", AccessKeys.ForOrganisation(school)], keys);
        Assert.Contains(AccessKeys.ForJurisdiction("430000"), keys);
        Assert.DoesNotContain(AccessKeys.ForJurisdiction("520300"), keys);
    }
}
